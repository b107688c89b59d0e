namespace Outpost.Protocol.Telemetry;

/// <summary>A metric aggregated on the device over one window; a single sample is Count 1 with Min = Max = Mean.</summary>
public sealed record MetricAggregate
{
    public required long Count { get; init; }

    public required double Min { get; init; }

    public required double Max { get; init; }

    public required double Mean { get; init; }

    public double? P95 { get; init; }

    /// <summary>Length of the window the aggregate covers, in seconds (0 for a single sample).</summary>
    public double WindowSeconds { get; set; }
}
