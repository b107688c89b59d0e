using System.CommandLine;
using System.Runtime.Versioning;
using System.Text.Json;
using Outpost.Cli.Api;
using Outpost.Cli.Config;
using Outpost.Protocol.Admin;
using Outpost.Sim;
using Outpost.Sim.Reporting;
using Outpost.Sim.Scenarios;

namespace Outpost.Cli.Sim;

/// <summary><c>outpost sim</c>: a simulated fleet of real enrolled agents against a server (docs/sim.md).</summary>
[SupportedOSPlatform("linux")]
internal static class SimCommand
{
    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var options = new SimOptions();
        var command = new Command("sim", "Run thousands of virtual agents (real identities, real mTLS, the agent's own protocol code) against a server");
        options.AddTo(command);
        command.SetAction((parse, ct) => CommandErrors.RunAsync(session.Context, () => RunAsync(parse, options, session, ct), ct));
        return command;
    }

    private static async Task RunAsync(ParseResult parse, SimOptions options, AdminSession session, CancellationToken ct)
    {
        var context = session.Context;
        var scenario = LoadScenario(parse, options);
        if (!Uri.TryCreate(parse.GetRequiredValue(options.DeviceApi), UriKind.Absolute, out var deviceApi) || deviceApi.Scheme != Uri.UriSchemeHttps)
        {
            throw new CliException("--device-api must be an https URL, e.g. https://127.0.0.1:8443", ExitCodes.Usage);
        }

        var (measureFrom, measureUntil) = (parse.GetValue(options.MeasureFrom), parse.GetValue(options.MeasureUntil));
        if (measureUntil is not null && (measureFrom is null || measureUntil <= measureFrom))
        {
            throw new CliException("--measure-until needs a --measure-from before it", ExitCodes.Usage);
        }

        AdminApiClient? admin = null;
        try
        {
            var fleetOptions = new SimFleetOptions
            {
                DeviceApi = deviceApi,
                CaFingerprint = parse.GetRequiredValue(options.CaFingerprint),
                StateDirectory = Path.GetFullPath(parse.GetRequiredValue(options.StateDir)),
                Scenario = scenario,
                EnrollmentToken = parse.GetValue(options.EnrollToken),
                CreateEnrollmentToken = async (site, count, token) =>
                {
                    admin ??= AdminApiClient.Create(ConnectionResolver.Resolve(parse, session.Globals, context), context);
                    var created = await admin.CreateEnrollmentTokenAsync(
                        new CreateEnrollmentTokenRequest { Site = site.Name, Tags = site.Tags, MaxUses = count, ValidForSeconds = 3600 }, token);
                    return created.Token;
                },
                Jitter = !parse.GetValue(options.NoJitter),
                CheckInInterval = parse.GetValue(options.Interval),
                StartSpread = parse.GetValue(options.StartSpread),
                MeasureFrom = measureFrom,
                MeasureUntil = measureUntil,
                RequestTimeout = parse.GetValue(options.RequestTimeout),
                EnrollConcurrency = parse.GetValue(options.EnrollConcurrency),
                Seed = parse.GetValue(options.Seed),
                Time = context.Time,
            };
            await RunFleetAsync(parse, options, fleetOptions, context, ct);
        }
        catch (SimFleetException ex)
        {
            throw new CliException(ex.Message, ex);
        }
        finally
        {
            admin?.Dispose();
        }
    }

    private static async Task RunFleetAsync(ParseResult parse, SimOptions options, SimFleetOptions fleetOptions, CliContext context, CancellationToken ct)
    {
        var json = parse.GetValue(options.Json);
        var progress = new LineProgress(line => context.Error.WriteLine($"outpost sim: {line}"));
        await using var fleet = await SimFleet.CreateAsync(fleetOptions, progress, ct);
        progress.Report($"{fleet.Count} devices ready ({fleet.Enrolled} enrolled now, {fleet.Count - fleet.Enrolled} from {fleetOptions.StateDirectory})");
        var timeline = new List<SimTimelineEntry>();
        await fleet.RunAsync(parse.GetValue(options.Duration), parse.GetValue(options.ReportEvery), entry =>
        {
            timeline.Add(entry);
            if (!json)
            {
                SimText.WriteTimeline(context.Output, entry);
            }
        }, ct);
        await fleet.StopAsync();
        var summary = fleet.Summary();
        if (json)
        {
            context.Output.WriteLine(JsonSerializer.Serialize(new SimReport { Timeline = timeline, Summary = summary }, SimJsonContext.Default.SimReport));
        }
        else
        {
            SimText.WriteSummary(context.Output, summary);
        }
    }

    private static SimScenario LoadScenario(ParseResult parse, SimOptions options)
    {
        var file = parse.GetValue(options.Scenario);
        var devices = parse.GetValue(options.Devices);
        SimScenario scenario;
        try
        {
            if (file is not null)
            {
                if (devices is not null)
                {
                    throw new CliException("use --devices or --scenario, not both (the scenario lists devices per site)", ExitCodes.Usage);
                }

                string text;
                try
                {
                    text = File.ReadAllText(file);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot read --scenario {file}: {ex.Message}", ExitCodes.Usage, ex);
                }

                scenario = SimScenarioFile.Parse(text, file);
            }
            else
            {
                scenario = SimScenario.Uniform(devices ?? 10, parse.GetValue(options.Sites));
            }

            if (parse.GetValue(options.InitialRelease) is { } initial)
            {
                scenario.InitialRelease = initial;
            }

            SimScenarioValidator.Validate(scenario);
            return scenario;
        }
        catch (SimScenarioException ex)
        {
            throw new CliException(ex.Message, ExitCodes.Usage, ex);
        }
    }

    /// <summary>Reports synchronously, in order (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class LineProgress(Action<string> write) : IProgress<string>
    {
        public void Report(string value) => write(value);
    }
}
