using Outpost.Agent.Telemetry;
using Outpost.Protocol.Devices;

namespace Outpost.Sim.Devices;

/// <summary>A plausible small edge box; one shared instance, so 10,000 devices cost no /proc reads.</summary>
internal sealed class SimSnapshotSource : ISystemSnapshotSource
{
    public static SimSnapshotSource Instance { get; } = new();

    private static readonly SystemSnapshot Snapshot = new()
    {
        CpuPercent = 12.5,
        CpuCount = 4,
        MemoryTotalBytes = 4L << 30,
        MemoryAvailableBytes = 3L << 30,
        Load1 = 0.4,
        Load5 = 0.3,
        Load15 = 0.3,
        UptimeSeconds = 86_400,
        TemperatureCelsius = 48,
        Disks = [new DiskUsage { Mount = "/", TotalBytes = 32L << 30, FreeBytes = 20L << 30 }],
    };

    public SystemSnapshot Read() => Snapshot;
}
