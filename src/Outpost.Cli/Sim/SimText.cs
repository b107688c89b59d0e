using System.Runtime.Versioning;
using System.Globalization;
using Outpost.Cli.Output;
using Outpost.Sim.Reporting;

namespace Outpost.Cli.Sim;

/// <summary>The human output of <c>outpost sim</c>: one timeline line per period, then the summary tables.</summary>
[SupportedOSPlatform("linux")]
internal static class SimText
{
    public static string Duration(TimeSpan value) =>
        value.TotalSeconds >= 60 && value.TotalSeconds % 60 == 0 ? $"{value.TotalMinutes:0}m"
        : value.TotalSeconds >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###}s")
        : string.Create(CultureInfo.InvariantCulture, $"{value.TotalMilliseconds:0}ms");

    public static void WriteTimeline(TextWriter output, SimTimelineEntry entry) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"t={entry.ElapsedSeconds,6:0.0}s  online {entry.Online,6}  offline {entry.Offline,6}  check-ins {entry.CheckIns,6}  errors {entry.Errors,4}  p99 {Ms(entry.Latency.P99Ms),7} ms  releases {Counts(entry.Releases)}  updates {Counts(entry.UpdateStates)}"));

    public static void WriteSummary(TextWriter output, SimSummary summary)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Devices} devices, {summary.DurationSeconds:0.0}s: {summary.CheckIns} check-ins, {summary.Errors} errors; telemetry batches stored {summary.TelemetryUploads}, answered 404 {summary.TelemetryNotFound}"));
        output.WriteLine();
        var latency = new Table("SITE", "DEVICES", "CHECK-INS", "ERRORS", "P50 MS", "P95 MS", "P99 MS", "MAX MS");
        foreach (var site in summary.Sites)
        {
            latency.AddRow(site.Site, N(site.Devices), N(site.CheckIns), N(site.Errors), Ms(site.Latency.P50Ms), Ms(site.Latency.P95Ms), Ms(site.Latency.P99Ms), Ms(site.Latency.MaxMs));
        }

        latency.AddRow("(all)", N(summary.Devices), N(summary.CheckIns), N(summary.Errors), Ms(summary.Latency.P50Ms), Ms(summary.Latency.P95Ms), Ms(summary.Latency.P99Ms), Ms(summary.Latency.MaxMs));
        latency.WriteTo(output);
        if (summary.Window is { } window)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"measured from {window.FromSeconds:0.#}s to {window.UntilSeconds:0.#}s: {window.CheckIns} check-ins, {window.Errors} errors, p50 {Ms(window.Latency.P50Ms)} ms, p95 {Ms(window.Latency.P95Ms)} ms, p99 {Ms(window.Latency.P99Ms)} ms, max {Ms(window.Latency.MaxMs)} ms"));
        }

        if (summary.ErrorsByKind.Count > 0)
        {
            output.WriteLine();
            var errors = new Table("ERROR", "COUNT");
            foreach (var (kind, count) in summary.ErrorsByKind)
            {
                errors.AddRow(kind, N(count));
            }

            errors.WriteTo(output);
        }

        output.WriteLine();
        output.WriteLine($"releases: {Counts(summary.Releases)}");
        output.WriteLine($"updates:  {Counts(summary.UpdateStates)}");
    }

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "-" : string.Join(", ", counts.Select(p => $"{p.Key} {p.Value}"));

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}
