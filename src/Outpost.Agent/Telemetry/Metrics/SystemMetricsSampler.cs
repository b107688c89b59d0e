using Outpost.Agent.Telemetry;
using Outpost.Agent.Workloads;

namespace Outpost.Agent.Telemetry.Metrics;

/// <summary>
/// Samples the system into the <see cref="MetricAggregator"/> under the names of the wave-2 contract. Counters
/// (CPU, swap, disk I/O, network) become rates over the time since the previous sample; the first sample only sets
/// the baseline. Mounts, disks and thermal zones are listed again every few minutes, not on every sample.
/// </summary>
internal sealed class SystemMetricsSampler
{
    private static readonly TimeSpan Relist = TimeSpan.FromMinutes(5);

    private readonly string _root;
    private readonly MetricAggregator _metrics;
    private readonly TimeProvider _time;
    private readonly Func<string, double?> _diskUsedRatio;
    private readonly Func<IReadOnlyList<ProcessStatus>>? _workloads;
    private readonly ProcFileReader _reader = new();
    private readonly string _stat, _meminfo, _vmstat, _diskstats, _netdev, _uptime, _self, _mounts;
    private Counters? _previous;
    private long _previousAt;
    private long _listedAt = long.MinValue;
    private HashSet<string> _disks = [];
    private List<(string Mount, Dictionary<string, string> Attributes)> _mountPoints = [];
    private List<string> _thermalZones = [];

    // workloads: the supervisor's processes, for workload_restarts_total (the system layer of a crash loop).
    public SystemMetricsSampler(
        string root, MetricAggregator metrics, TimeProvider time, Func<string, double?>? diskUsedRatio = null,
        Func<IReadOnlyList<ProcessStatus>>? workloads = null)
    {
        _workloads = workloads;
        _root = root;
        _metrics = metrics;
        _time = time;
        _diskUsedRatio = diskUsedRatio ?? DiskUsedRatio;
        _stat = Proc("stat");
        _meminfo = Proc("meminfo");
        _vmstat = Proc("vmstat");
        _diskstats = Proc("diskstats");
        _netdev = Proc("net/dev");
        _uptime = Proc("uptime");
        _self = Proc("self/status");
        _mounts = Proc("mounts");
    }

    public void Sample()
    {
        var now = _time.GetTimestamp();
        if (_listedAt == long.MinValue || _time.GetElapsedTime(_listedAt, now) >= Relist)
        {
            ListDevices();
            _listedAt = now;
        }

        var memory = ProcCounters.Memory(_reader.Read(_meminfo));
        if (memory.Total > 0)
        {
            _metrics.Record("system_memory_total_bytes", memory.Total);
            _metrics.Record("system_memory_used_bytes", memory.Total - memory.Available);
            _metrics.Record("system_swap_used_bytes", memory.SwapTotal - memory.SwapFree);
        }

        if (ProcCounters.Uptime(_reader.Read(_uptime)) is { } uptime)
        {
            _metrics.Record("system_uptime_seconds", uptime);
        }

        if (ProcCounters.ResidentBytes(_reader.Read(_self)) is { } rss)
        {
            _metrics.Record("agent_memory_rss_bytes", rss);
        }

        foreach (var (mount, attributes) in _mountPoints)
        {
            if (_diskUsedRatio(mount) is { } ratio)
            {
                _metrics.Record("system_disk_used_ratio", ratio, attributes);
            }
        }

        if (HighestTemperature() is { } celsius)
        {
            _metrics.Record("system_temperature_celsius", celsius);
        }

        foreach (var process in _workloads?.Invoke() ?? [])
        {
            _metrics.Record("workload_restarts_total", process.Restarts, new Dictionary<string, string>(StringComparer.Ordinal) { ["process"] = process.Name });
        }

        var counters = ReadCounters();
        if (_previous is { } before && _time.GetElapsedTime(_previousAt, now).TotalSeconds is > 0 and var seconds)
        {
            Rates(before, counters, seconds);
        }

        _previous = counters;
        _previousAt = now;
    }

    private void Rates(Counters before, Counters after, double seconds)
    {
        if (after.Cpu is { } cpu && before.Cpu is { } cpuBefore && cpu.PercentSince(cpuBefore) is { } percent)
        {
            _metrics.Record("system_cpu_usage_ratio", percent / 100);
        }

        if (after.Swap is { } swap && before.Swap is { } swapBefore)
        {
            Rate("system_swap_in_pages_per_second", swapBefore.In, swap.In, seconds);
            Rate("system_swap_out_pages_per_second", swapBefore.Out, swap.Out, seconds);
        }

        Rate("system_disk_read_bytes_per_second", before.Disk.Read, after.Disk.Read, seconds);
        Rate("system_disk_write_bytes_per_second", before.Disk.Written, after.Disk.Written, seconds);
        Rate("system_network_receive_bytes_per_second", before.Network.Received, after.Network.Received, seconds);
        Rate("system_network_transmit_bytes_per_second", before.Network.Transmitted, after.Network.Transmitted, seconds);
        Rate("system_network_errors_per_second", before.Network.Errors, after.Network.Errors, seconds);
    }

    // A counter that went back (device removed, interface renamed, wrap) gives no rate for this interval.
    private void Rate(string name, ulong before, ulong after, double seconds)
    {
        if (after >= before)
        {
            _metrics.Record(name, (after - before) / seconds);
        }
    }

    private Counters ReadCounters() => new(
        ProcCounters.Cpu(_reader.Read(_stat)),
        ProcCounters.Swap(_reader.Read(_vmstat)),
        ProcCounters.DiskBytes(_reader.Read(_diskstats), _disks),
        ProcCounters.Network(_reader.Read(_netdev)));

    private double? HighestTemperature()
    {
        double? highest = null;
        foreach (var zone in _thermalZones)
        {
            if (ProcParsers.ThermalZone(_reader.Read(zone).ToString()) is { } celsius && celsius > (highest ?? double.MinValue))
            {
                highest = celsius;
            }
        }

        return highest;
    }

    private void ListDevices()
    {
        _disks = ProcCounters.WholeDisks(_reader.Read(_diskstats));
        _mountPoints = MountTable.RealMountPoints(_reader.Read(_mounts).ToString())
            .Select(m => (m, new Dictionary<string, string>(StringComparer.Ordinal) { ["mount"] = m }))
            .ToList();
        try
        {
            _thermalZones = Directory.EnumerateDirectories(Path.Combine(_root, "sys/class/thermal"), "thermal_zone*")
                .Select(zone => Path.Combine(zone, "temp"))
                .ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _thermalZones = [];
        }
    }

    private string Proc(string relative) => Path.Combine(_root, "proc", relative);

    // statvfs through DriveInfo: the share of the filesystem an unprivileged process can no longer use.
    private static double? DiskUsedRatio(string mountPoint)
    {
        try
        {
            var drive = new DriveInfo(mountPoint);
            return drive.TotalSize > 0 ? 1 - ((double)drive.AvailableFreeSpace / drive.TotalSize) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private readonly record struct Counters(
        CpuTimes? Cpu, (ulong In, ulong Out)? Swap, (ulong Read, ulong Written) Disk, (ulong Received, ulong Transmitted, ulong Errors) Network);
}
