using System.Globalization;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;

namespace Outpost.Server.Dashboard;

/// <summary>Short readings of a device the device pages repeat: system headline, update in progress, certificate age.</summary>
internal static class DeviceFacts
{
    public static string Cpu(SystemSnapshot? system) =>
        system is null ? "—" : string.Create(CultureInfo.InvariantCulture, $"{system.CpuPercent:0} %");

    public static string Memory(SystemSnapshot? system) =>
        system is { MemoryTotalBytes: > 0 } s
            ? string.Create(CultureInfo.InvariantCulture, $"{100.0 * (s.MemoryTotalBytes - s.MemoryAvailableBytes) / s.MemoryTotalBytes:0} %")
            : "—";

    /// <summary>The fullest disk: the one that will stop the device first.</summary>
    public static string Disk(SystemSnapshot? system)
    {
        var used = system?.Disks.Where(d => d.TotalBytes > 0).Select(d => 100.0 * (d.TotalBytes - d.FreeBytes) / d.TotalBytes).ToList();
        return used is { Count: > 0 } ? string.Create(CultureInfo.InvariantCulture, $"{used.Max():0} %") : "—";
    }

    /// <summary>The device's latest update report when it says something the current release does not: in progress, or failed.</summary>
    public static UpdateReport? PendingUpdate(DeviceView device) =>
        device.Update is { } update && !(update.State == UpdateState.Committed && update.Release == device.CurrentRelease) ? update : null;

    public static int DaysLeft(DateTimeOffset notAfter, DateTimeOffset now) => (int)Math.Floor((notAfter - now).TotalDays);

    public static string StateName(UpdateState state) => state.ToString().ToLowerInvariant();
}
