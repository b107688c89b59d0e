using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>A rollouts row. <see cref="Version"/> guards every write (optimistic concurrency between engine and API).</summary>
internal sealed record RolloutRecord
{
    public required string Id { get; init; }

    public required RolloutSpec Spec { get; init; }

    public required RolloutState State { get; init; }

    public required int Phase { get; init; }

    public DateTimeOffset? PhaseStartedAt { get; init; }

    public DateTimeOffset? BakeStartedAt { get; init; }

    public DateTimeOffset? HaltedAt { get; init; }

    public RolloutState? PausedFrom { get; init; }

    public string? Reason { get; init; }

    public IReadOnlyList<RolloutGateView> Gates { get; init; } = [];

    public required int TargetCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public long Version { get; init; }

    public bool IsActive => State is not (RolloutState.Completed or RolloutState.RolledBack or RolloutState.Aborted);
}
