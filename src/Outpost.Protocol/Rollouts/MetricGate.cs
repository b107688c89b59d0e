namespace Outpost.Protocol.Rollouts;

/// <summary>
/// A workload metric judged over the bake window: the updated cohort's mean of device means against absolute bounds
/// (<see cref="Min"/>, <see cref="Max"/>) or against the not-yet-updated control cohort (<see cref="MaxRegressionRatio"/>
/// with <see cref="Direction"/>).
/// </summary>
public sealed record MetricGate
{
    public required string Metric { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>0.2 = the updated cohort may be at most 20% worse than the control cohort.</summary>
    public double? MaxRegressionRatio { get; init; }

    public MetricDirection? Direction { get; init; }
}
