namespace Outpost.Server.Dashboard.Views;

/// <summary>
/// One gate of a rollout as the dashboard shows it: what it measures, how it compares, its bound, and its latest values.
/// <see cref="Evaluated"/> is false until the engine judged it once (metric gates are judged when a bake ends).
/// </summary>
public sealed record RolloutGateRow
{
    public required string Gate { get; init; }

    public required string Metric { get; init; }

    public required string Comparison { get; init; }

    public required string Threshold { get; init; }

    /// <summary>The updated (canary) cohort's value.</summary>
    public double? Value { get; init; }

    /// <summary>The not-yet-updated control cohort's value, for gates relative to control.</summary>
    public double? Control { get; init; }

    public int? Sample { get; init; }

    /// <summary>Null while there is too little data to judge (or before the first evaluation).</summary>
    public bool? Passed { get; init; }

    public bool Evaluated { get; init; }

    public DateTimeOffset? At { get; init; }
}
