namespace Outpost.Protocol.Rollouts;

/// <summary>What a phase must pass to be promoted.</summary>
public sealed record RolloutGates
{
    /// <summary>Failed devices / (updated + failed) above this halts the rollout.</summary>
    public double MaxFailureRatio { get; set; } = 0.1;

    /// <summary>The failure ratio is judged once this many devices finished (or when a phase finished with fewer).</summary>
    public int MinSample { get; set; } = 5;

    public IReadOnlyList<MetricGate> Metrics { get; set; } = [];
}
