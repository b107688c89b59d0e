namespace Outpost.Sim.Reporting;

/// <summary>Check-in latency (successful check-ins, measured around the agent transport's call), in milliseconds.</summary>
public sealed record SimLatency
{
    /// <summary>Number of samples.</summary>
    public long Count { get; init; }

    /// <summary>Median.</summary>
    public double? P50Ms { get; init; }

    /// <summary>95th percentile.</summary>
    public double? P95Ms { get; init; }

    /// <summary>99th percentile.</summary>
    public double? P99Ms { get; init; }

    /// <summary>Slowest.</summary>
    public double? MaxMs { get; init; }
}
