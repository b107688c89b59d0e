using Outpost.Protocol.Devices;

namespace Outpost.Agent.Telemetry;

/// <summary>
/// Reads the system snapshot from /proc and /sys under <c>root</c> ("/" in production, a fixture folder in tests).
/// CPU % is the busy share since the previous call (the first call measures since construction).
/// </summary>
internal sealed class ProcSystemSnapshotSource : ISystemSnapshotSource
{
    private readonly string _root;
    private readonly Func<string, DiskUsage?> _diskUsage;
    private readonly Lock _gate = new();
    private CpuTimes? _previousCpu;

    public ProcSystemSnapshotSource(string root, Func<string, DiskUsage?>? diskUsage = null)
    {
        _root = root;
        _diskUsage = diskUsage ?? DiskUsageOf;
        _previousCpu = ProcParsers.Stat(ReadText("proc/stat")).Total;
    }

    public SystemSnapshot Read()
    {
        var memory = ProcParsers.MemInfo(ReadText("proc/meminfo"));
        var load = ProcParsers.LoadAverage(ReadText("proc/loadavg"));
        var (cpu, cpuCount) = ProcParsers.Stat(ReadText("proc/stat"));
        return new SystemSnapshot
        {
            CpuPercent = CpuPercent(cpu),
            CpuCount = cpuCount,
            MemoryTotalBytes = memory.GetValueOrDefault("MemTotal"),
            MemoryAvailableBytes = memory.GetValueOrDefault("MemAvailable"),
            SwapTotalBytes = memory.GetValueOrDefault("SwapTotal"),
            SwapFreeBytes = memory.GetValueOrDefault("SwapFree"),
            Load1 = load?.One ?? 0,
            Load5 = load?.Five ?? 0,
            Load15 = load?.Fifteen ?? 0,
            UptimeSeconds = ProcParsers.Uptime(ReadText("proc/uptime")) ?? 0,
            TemperatureCelsius = HighestTemperature(),
            Disks = Disks(),
        };
    }

    private double CpuPercent(CpuTimes? current)
    {
        lock (_gate)
        {
            var previous = _previousCpu;
            if (current is { } now)
            {
                _previousCpu = now;
            }

            return current is { } c && previous is { } p ? c.PercentSince(p) ?? 0 : 0;
        }
    }

    private double? HighestTemperature()
    {
        var thermal = Path.Combine(_root, "sys/class/thermal");
        double? highest = null;
        try
        {
            foreach (var zone in Directory.EnumerateDirectories(thermal, "thermal_zone*"))
            {
                var celsius = ProcParsers.ThermalZone(ReadText(Path.Combine(zone, "temp")));
                if (celsius > (highest ?? double.MinValue))
                {
                    highest = celsius;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No thermal zones (VMs, most x86 containers): the field stays absent.
        }

        return highest;
    }

    private List<DiskUsage> Disks()
    {
        var disks = new List<DiskUsage>();
        foreach (var mount in MountTable.RealMountPoints(ReadText("proc/mounts")))
        {
            if (_diskUsage(mount) is { } usage)
            {
                disks.Add(usage);
            }
        }

        return disks;
    }

    private string? ReadText(string relativePath)
    {
        try
        {
            return File.ReadAllText(Path.Combine(_root, relativePath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // DriveInfo calls statvfs; a mount that vanished or that we may not stat is simply left out.
    private static DiskUsage? DiskUsageOf(string mountPoint)
    {
        try
        {
            var drive = new DriveInfo(mountPoint);
            return drive.TotalSize > 0
                ? new DiskUsage { Mount = mountPoint, TotalBytes = drive.TotalSize, FreeBytes = drive.AvailableFreeSpace }
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
