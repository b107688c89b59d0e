using System.Text.Json.Serialization;

namespace Outpost.Protocol.Rollouts;

/// <summary>One phase: cumulative coverage as a percent of the target or a device count (exactly one), and its bake time.</summary>
public sealed record RolloutPhaseSpec
{
    public double? Percent { get; init; }

    public int? Count { get; init; }

    /// <summary>Overrides the spec's bakeTime for this phase.</summary>
    [JsonConverter(typeof(DurationTextConverter))]
    public string? BakeTime { get; init; }
}
