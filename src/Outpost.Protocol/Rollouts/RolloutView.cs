namespace Outpost.Protocol.Rollouts;

/// <summary>A rollout as the admin API shows it. The list leaves <see cref="Gates"/> and <see cref="Decisions"/> empty.</summary>
public sealed record RolloutView
{
    public required string Id { get; init; }

    public required RolloutSpec Spec { get; init; }

    public required RolloutState State { get; init; }

    /// <summary>Zero-based index of the current phase.</summary>
    public required int Phase { get; init; }

    public required int TargetCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? BakeStartedAt { get; init; }

    /// <summary>Why the rollout is halted, paused, aborted or rolled back.</summary>
    public string? Reason { get; init; }

    public IReadOnlyList<RolloutPhaseView> Phases { get; set; } = [];

    /// <summary>Device counts over the whole rollout, by state.</summary>
    public IReadOnlyDictionary<RolloutDeviceState, int> Devices { get; set; } = new Dictionary<RolloutDeviceState, int>();

    /// <summary>The latest evaluation of each gate.</summary>
    public IReadOnlyList<RolloutGateView> Gates { get; set; } = [];

    /// <summary>The latest decisions, newest last.</summary>
    public IReadOnlyList<RolloutDecisionView> Decisions { get; set; } = [];
}
