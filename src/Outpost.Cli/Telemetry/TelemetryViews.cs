using System.Globalization;
using Outpost.Cli.Output;
using Outpost.Protocol.Telemetry;

namespace Outpost.Cli.Telemetry;

/// <summary>Tables for the telemetry commands.</summary>
internal static class TelemetryViews
{
    public static void WriteMetrics(TextWriter output, MetricSeriesView view, DateTimeOffset now)
    {
        if (view.Points.Count == 0)
        {
            output.WriteLine(view.Name is null
                ? $"Device {view.DeviceId} has uploaded no metrics."
                : $"No windows of {view.Name} from device {view.DeviceId} in that range.");
            return;
        }

        var table = view.Name is null
            ? new Table("METRIC", "ATTRIBUTES", "VALUE", "MIN", "MAX", "SAMPLES", "AT")
            : new Table("AT", "ATTRIBUTES", "MEAN", "MIN", "MAX", "P95", "SAMPLES", "RESOLUTION");
        foreach (var p in view.Points)
        {
            var attributes = p.Attributes is null ? null : string.Join(",", p.Attributes.Select(a => $"{a.Key}={a.Value}"));
            if (view.Name is null)
            {
                table.AddRow(p.Name, attributes, Number(p.Mean), Number(p.Min), Number(p.Max), Count(p.Count), RelativeTime.Format(p.At, now));
            }
            else
            {
                table.AddRow(
                    p.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture), attributes, Number(p.Mean), Number(p.Min), Number(p.Max),
                    p.P95 is { } p95 ? Number(p95) : null, Count(p.Count), p.ResolutionSeconds == 0 ? "raw" : RelativeTime.Amount(TimeSpan.FromSeconds(p.ResolutionSeconds)));
            }
        }

        table.WriteTo(output);
    }

    public static void WriteEntries(TextWriter output, TelemetryEntryList list, TelemetryStreamList streams, DateTimeOffset now)
    {
        var word = list.Stream == TelemetryChannel.Logs ? "logs" : "events";
        if (list.Items.Count == 0)
        {
            output.WriteLine($"Device {list.DeviceId} has uploaded no {word}.");
        }
        else
        {
            var table = new Table("SEQ", "AT", "LEVEL", "NAME", "MESSAGE");
            foreach (var e in list.Items)
            {
                table.AddRow(Count(e.Sequence), RelativeTime.Format(e.At, now), e.Level, e.Name, e.Message);
            }

            table.WriteTo(output);
        }

        if (streams.Items.FirstOrDefault(s => s.Stream == list.Stream) is { } stream)
        {
            output.WriteLine();
            output.WriteLine(
                $"Stream {word}: stored through {Count(stream.StoredThrough)}, {Count(stream.RecordsStored)} stored, " +
                $"{Count(stream.Duplicates)} duplicates ignored; the device dropped {Count(stream.Drops.Records)} records " +
                $"({ByteSize.Format(stream.Drops.Bytes)}).");
        }
    }

    public static void WriteFleet(TextWriter output, FleetSummary summary)
    {
        var d = summary.Devices;
        output.WriteLine($"{d.Total} devices: {d.Online} online, {d.Offline} offline, {d.Revoked} revoked");
        output.WriteLine();
        var sites = new Table("SITE", "DEVICES", "ONLINE", "OFFLINE", "REVOKED");
        foreach (var s in summary.BySite)
        {
            sites.AddRow(s.Key, Count(s.Total), Count(s.Online), Count(s.Offline), Count(s.Revoked));
        }

        sites.WriteTo(output);
        output.WriteLine();
        var releases = new Table("RELEASE", "DEVICES", "ONLINE", "OFFLINE", "REVOKED");
        foreach (var r in summary.ByRelease)
        {
            releases.AddRow(r.Key ?? "(none reported)", Count(r.Total), Count(r.Online), Count(r.Offline), Count(r.Revoked));
        }

        releases.WriteTo(output);
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
