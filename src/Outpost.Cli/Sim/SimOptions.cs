using System.Runtime.Versioning;
using System.CommandLine;
using System.CommandLine.Parsing;
using Outpost.Sim.Scenarios;

namespace Outpost.Cli.Sim;

/// <summary>The options of <c>outpost sim</c> (docs/sim.md).</summary>
[SupportedOSPlatform("linux")]
internal sealed class SimOptions
{
    public Option<string> DeviceApi { get; } = new("--device-api") { Description = "Device API URL of the server (its mTLS listener), e.g. https://127.0.0.1:8443", Required = true };

    public Option<string> CaFingerprint { get; } = new("--ca-fingerprint") { Description = "SHA-256 of the fleet CA as outpost-server prints it; every virtual device pins it", Required = true };

    public Option<string> StateDir { get; } = new("--state-dir") { Description = "Where the devices' identities are kept between runs [default: ./outpost-sim]", DefaultValueFactory = _ => "outpost-sim" };

    public Option<string?> Scenario { get; } = new("--scenario") { Description = "Scenario file (YAML or JSON): sites, behaviours, offline windows (docs/sim.md)" };

    public Option<int?> Devices { get; } = BoundedIntOption.Optional("--devices", "Healthy devices spread over --sites (without --scenario) [default: 10]", minimum: 1);

    public Option<int> Sites { get; } = BoundedIntOption.WithDefault("--sites", "Number of sites for --devices", minimum: 1, defaultValue: 1);

    public Option<string?> InitialRelease { get; } = new("--initial-release") { Description = "Release every device runs at the start (overrides the scenario's)" };

    public Option<string?> EnrollToken { get; } = new("--enroll-token") { Description = "Enrollment token for devices that need enrolling; without it one token per site is created through the admin API (--server/--token or outpost login)" };

    public Option<TimeSpan> Duration { get; } = DurationOption("--duration", "How long the devices run", TimeSpan.FromMinutes(1));

    public Option<TimeSpan> ReportEvery { get; } = DurationOption("--report-every", "Timeline period", TimeSpan.FromSeconds(10));

    public Option<TimeSpan> Interval { get; } = DurationOption("--interval", "Check-in interval the agents use until the server answers with its own; also the start spread", TimeSpan.FromSeconds(30));

    public Option<TimeSpan?> StartSpread { get; } = new("--start-spread")
    {
        Description = "Agents start evenly spread over this (0 = all at once) [default: --interval]",
        CustomParser = r => ParseDuration(r, "--start-spread"),
    };

    public Option<TimeSpan?> MeasureFrom { get; } = new("--measure-from")
    {
        Description = "Also summarize the check-ins from this time on (e.g. the steady state after --start-spread)",
        CustomParser = r => ParseDuration(r, "--measure-from"),
    };

    public Option<TimeSpan?> MeasureUntil { get; } = new("--measure-until")
    {
        Description = "End of the --measure-from window [default: the end of the run]",
        CustomParser = r => ParseDuration(r, "--measure-until"),
    };

    public Option<TimeSpan> RequestTimeout { get; } = DurationOption("--request-timeout", "The agents' per-request timeout", TimeSpan.FromSeconds(20));

    public Option<bool> NoJitter { get; } = new("--no-jitter") { Description = "Deterministic waits instead of the agent's jitter (thundering-herd comparison)" };

    public Option<int> EnrollConcurrency { get; } = BoundedIntOption.WithDefault("--enroll-concurrency", "Enrollments in flight at once", minimum: 1, defaultValue: 8);

    public Option<int> Seed { get; } = BoundedIntOption.WithDefault("--seed", "Seed of the agents' jitter", minimum: 0, defaultValue: 1);

    public Option<bool> Json { get; } = new("--json") { Description = "Print the timeline and summary as one JSON document at the end" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
        {
            DeviceApi, CaFingerprint, StateDir, Scenario, Devices, Sites, InitialRelease, EnrollToken, Duration, ReportEvery,
            Interval, StartSpread, MeasureFrom, MeasureUntil, RequestTimeout, NoJitter, EnrollConcurrency, Seed, Json,
        })
        {
            command.Options.Add(option);
        }
    }

    private static Option<TimeSpan> DurationOption(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = $"{description} [default: {SimText.Duration(fallback)}]",
        DefaultValueFactory = _ => fallback,
        CustomParser = r => ParseDuration(r, name) ?? fallback,
    };

    private static TimeSpan? ParseDuration(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (SimDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"invalid duration '{text}' for {name}: use e.g. 500ms, 30s, 5m");
        return null;
    }
}
