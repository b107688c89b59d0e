namespace Outpost.Sim.Reporting;

/// <summary>One line of the timeline: the fleet at <see cref="ElapsedSeconds"/>, counts since the previous line.</summary>
public sealed record SimTimelineEntry
{
    /// <summary>Seconds since the simulation started.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Devices whose last check-in succeeded and that are not in an offline window.</summary>
    public int Online { get; init; }

    /// <summary>Devices in an offline window (partitioned or powered off).</summary>
    public int Offline { get; init; }

    /// <summary>Check-ins attempted over the network since the previous line (partitioned attempts excluded).</summary>
    public long CheckIns { get; init; }

    /// <summary>Failed check-ins since the previous line.</summary>
    public long Errors { get; init; }

    /// <summary>Latency of the check-ins that succeeded since the previous line (a ramp or a herd shows here).</summary>
    public SimLatency Latency { get; init; } = new();

    /// <summary>Devices per current release (<c>(none)</c> before the first install).</summary>
    public IReadOnlyDictionary<string, int> Releases { get; init; } = new Dictionary<string, int>();

    /// <summary>Devices per state of their latest update report (<c>(none)</c> without one).</summary>
    public IReadOnlyDictionary<string, int> UpdateStates { get; init; } = new Dictionary<string, int>();
}
