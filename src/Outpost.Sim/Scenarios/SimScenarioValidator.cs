using System.Text.RegularExpressions;

namespace Outpost.Sim.Scenarios;

/// <summary>Checks a scenario before any device enrolls, naming the first field that is wrong.</summary>
public static partial class SimScenarioValidator
{
    /// <summary>Throws <see cref="SimScenarioException"/> naming the field when <paramref name="scenario"/> cannot run.</summary>
    public static void Validate(SimScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Require(!string.IsNullOrWhiteSpace(scenario.DeviceClass) && scenario.DeviceClass.Length <= 128, "deviceClass", "must be 1 to 128 characters");
        Require(scenario.InitialRelease is null || ReleaseId().IsMatch(scenario.InitialRelease), "initialRelease", "must be NAME@VERSION");
        Require(scenario.Sites.Count > 0, "sites", "needs at least one site");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Sites.Count; i++)
        {
            var site = scenario.Sites[i];
            Require(!string.IsNullOrWhiteSpace(site.Name) && site.Name.Length <= 64, $"sites[{i}].name", "must be 1 to 64 characters");
            Require(names.Add(site.Name), $"sites[{i}].name", $"'{site.Name}' appears twice");
            Require(site.Devices is >= 0 and <= 1_000_000, $"sites[{i}].devices", "must be 0 to 1000000");
        }

        Require(scenario.TotalDevices > 0, "sites", "the fleet has no devices");
        for (var i = 0; i < scenario.Behaviours.Count; i++)
        {
            var rule = scenario.Behaviours[i];
            var field = $"behaviours[{i}]";
            KnownSites(rule.Sites, names, field + ".sites");
            Require(rule.Fraction is >= 0 and <= 1, field + ".fraction", "must be between 0 and 1");
            Require(rule.CrashOn is not null || rule.MetricRegression is not null || rule.Latency is not null, field, "sets no behaviour (crashOn, metricRegression or latency)");
            Require(rule.CrashOn is null || ReleaseId().IsMatch(rule.CrashOn), field + ".crashOn", "must be NAME@VERSION");
            if (rule.MetricRegression is { } regression)
            {
                Require(ReleaseId().IsMatch(regression.Release), field + ".metricRegression.release", "must be NAME@VERSION");
                Require(scenario.Metrics.ContainsKey(regression.Metric), field + ".metricRegression.metric", $"'{regression.Metric}' is not one of the scenario's metrics");
                Require(regression.Change is > -1 and <= 10, field + ".metricRegression.change", "must be a relative change above -1 (e.g. -0.3)");
            }

            Require(rule.Latency is null || (rule.Latency >= TimeSpan.Zero && rule.Latency <= TimeSpan.FromMinutes(1)), field + ".latency", "must be 0 to 1m");
        }

        for (var i = 0; i < scenario.Offline.Count; i++)
        {
            var window = scenario.Offline[i];
            KnownSites(window.Sites, names, $"offline[{i}].sites");
            Require(window.At >= TimeSpan.Zero, $"offline[{i}].at", "must not be negative");
            Require(window.For > TimeSpan.Zero, $"offline[{i}].for", "must be positive");
        }

        foreach (var (name, value) in scenario.Metrics)
        {
            Require(MetricName().IsMatch(name), $"metrics.{name}", "metric names match ^[a-zA-Z_][a-zA-Z0-9_]*$");
            Require(double.IsFinite(value), $"metrics.{name}", "must be a number");
        }

        Require(scenario.MetricsInterval >= TimeSpan.FromSeconds(1), "metricsInterval", "must be at least 1s");
        var install = scenario.Install;
        Require(install.Download >= TimeSpan.Zero && install.Verify >= TimeSpan.Zero && install.Installing >= TimeSpan.Zero
            && install.HealthCheck >= TimeSpan.Zero, "install", "step durations must not be negative");
    }

    private static void KnownSites(List<string> sites, HashSet<string> known, string field)
    {
        foreach (var site in sites)
        {
            Require(known.Contains(site), field, $"'{site}' is not one of the scenario's sites");
        }
    }

    private static void Require(bool condition, string field, string problem)
    {
        if (!condition)
        {
            throw new SimScenarioException($"{field}: {problem}");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}@[0-9A-Za-z.+-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ReleaseId();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricName();
}
