using System.Globalization;
using Outpost.Cli.Output;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;

namespace Outpost.Cli.Devices;

/// <summary>Human renderings of devices: the fleet table and the single-device detail page.</summary>
internal static class DeviceViews
{
    public static void WriteTable(TextWriter output, DeviceList list, int offset, DateTimeOffset now)
    {
        if (list.Items.Count == 0)
        {
            output.WriteLine(list.Total == 0 ? "No devices." : $"No devices at offset {offset} ({list.Total} in total).");
            return;
        }

        var table = new Table("ID", "HOSTNAME", "SITE", "TAGS", "STATUS", "CLASS", "AGENT", "LAST SEEN", "CERT EXPIRES");
        foreach (var d in list.Items)
        {
            table.AddRow(
                d.Id,
                d.Hostname,
                d.Site,
                string.Join(',', d.Tags),
                Status(d.Status),
                d.DeviceClass,
                d.AgentVersion,
                RelativeTime.Format(d.LastSeenAt, now),
                RelativeTime.Format(d.CertificateNotAfter, now));
        }

        table.WriteTo(output);
        if (list.Total > list.Items.Count)
        {
            output.WriteLine($"Showing {offset + 1}-{offset + list.Items.Count} of {list.Total}; use --offset/--limit for more.");
        }
    }

    public static void WriteDetails(TextWriter output, DeviceView d, DateTimeOffset now)
    {
        var table = new Table()
            .AddRow("ID", d.Id)
            .AddRow("Hostname", d.Hostname)
            .AddRow("Site", d.Site)
            .AddRow("Tags", d.Tags.Count == 0 ? null : string.Join(", ", d.Tags))
            .AddRow("Status", Status(d.Status))
            .AddRow("Device class", d.DeviceClass)
            .AddRow("Agent version", d.AgentVersion)
            .AddRow("Enrolled", Moment(d.EnrolledAt, now))
            .AddRow("Last seen", d.LastSeenAt is { } seen ? Moment(seen, now) : "never")
            .AddRow("Certificate", $"expires {Moment(d.CertificateNotAfter, now)}")
            .AddRow("Cert serial", d.CertificateSerial);
        if (d.RevokedAt is { } revoked)
        {
            table.AddRow("Revoked", Moment(revoked, now));
        }

        table.AddRow("Desired", d.DesiredRelease ?? "no release");
        table.AddRow("Current", d.CurrentRelease ?? "none");
        table.AddRow("Previous", d.PreviousRelease ?? "none (no rollback target kept)");
        if (d.Update is { } update)
        {
            table.AddRow("Update", UpdateLine(update, now));
        }

        table.WriteTo(output);
        output.WriteLine();
        if (d.System is not { } system)
        {
            output.WriteLine("System: no snapshot reported yet.");
            return;
        }

        WriteSystem(output, system);
    }

    private static void WriteSystem(TextWriter output, SystemSnapshot s)
    {
        var memoryUsed = s.MemoryTotalBytes - s.MemoryAvailableBytes;
        var swapUsed = s.SwapTotalBytes - s.SwapFreeBytes;
        output.WriteLine("System");
        new Table()
            .AddRow("CPU", $"{F(s.CpuPercent, "0.0")}% of {s.CpuCount} cores")
            .AddRow("Memory", $"{ByteSize.Format(memoryUsed)} used of {ByteSize.Format(s.MemoryTotalBytes)} ({ByteSize.Percent(memoryUsed, s.MemoryTotalBytes)})")
            .AddRow("Swap", s.SwapTotalBytes == 0 ? "none" : $"{ByteSize.Format(swapUsed)} used of {ByteSize.Format(s.SwapTotalBytes)} ({ByteSize.Percent(swapUsed, s.SwapTotalBytes)})")
            .AddRow("Load", $"{F(s.Load1, "0.00")} {F(s.Load5, "0.00")} {F(s.Load15, "0.00")}")
            .AddRow("Uptime", Uptime(s.UptimeSeconds))
            .AddRow("Temperature", s.TemperatureCelsius is { } t ? $"{F(t, "0.0")} °C" : "not reported")
            .WriteTo(output, "  ");
        if (s.Disks.Count == 0)
        {
            return;
        }

        output.WriteLine();
        var disks = new Table("MOUNT", "SIZE", "USED", "FREE", "USE%");
        foreach (var disk in s.Disks)
        {
            var used = disk.TotalBytes - disk.FreeBytes;
            disks.AddRow(disk.Mount, ByteSize.Format(disk.TotalBytes), ByteSize.Format(used), ByteSize.Format(disk.FreeBytes), ByteSize.Percent(used, disk.TotalBytes));
        }

        disks.WriteTo(output, "  ");
    }

    private static string UpdateLine(UpdateReport u, DateTimeOffset now)
    {
        var state = Words(u.State.ToString());
        var progress = u.ProgressPercent is { } p && u.State == UpdateState.Downloading ? $" {p}%" : "";
        var cause = u.Cause is { } c ? $" ({Words(c.ToString())})" : "";
        var detail = u.Detail is { Length: > 0 } reason ? $": {reason}" : "";
        return $"{u.Release} {state}{progress}{cause}{detail} ({RelativeTime.Format(u.At, now)})";
    }

    /// <summary>RolledBack → "rolled back", CrashLoop → "crash loop".</summary>
    private static string Words(string pascalCase) =>
        string.Concat(pascalCase.Select((ch, i) => i > 0 && char.IsUpper(ch) ? " " + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    private static string Status(DeviceStatus status) => status.ToString().ToLowerInvariant();

    private static string Moment(DateTimeOffset at, DateTimeOffset now) =>
        $"{RelativeTime.Format(at, now)} ({RelativeTime.Timestamp(at)})";

    private static string Uptime(long seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h"
            : span.TotalHours >= 1 ? $"{span.Hours}h {span.Minutes}m"
            : $"{span.Minutes}m {span.Seconds}s";
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
