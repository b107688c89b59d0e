using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>One rollout as one of its target devices lived it.</summary>
internal sealed record DeviceRolloutEntry(
    string RolloutId,
    string Release,
    RolloutState RolloutState,
    RolloutDeviceState DeviceState,
    string? PreviousRelease,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? FinishedAt,
    string? Cause,
    DateTimeOffset CreatedAt);
