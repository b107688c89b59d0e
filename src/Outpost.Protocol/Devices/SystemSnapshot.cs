namespace Outpost.Protocol.Devices;

/// <summary>The device's system state, sampled from /proc and /sys. Sizes in bytes, ratios 0..100.</summary>
public sealed record SystemSnapshot
{
    public double CpuPercent { get; init; }

    public int CpuCount { get; init; }

    public long MemoryTotalBytes { get; init; }

    public long MemoryAvailableBytes { get; init; }

    public long SwapTotalBytes { get; init; }

    public long SwapFreeBytes { get; init; }

    public double Load1 { get; init; }

    public double Load5 { get; init; }

    public double Load15 { get; init; }

    public long UptimeSeconds { get; init; }

    /// <summary>Highest thermal-zone temperature, when the device exposes one.</summary>
    public double? TemperatureCelsius { get; init; }

    public IReadOnlyList<DiskUsage> Disks { get; set; } = [];
}
