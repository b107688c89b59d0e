namespace Outpost.Server.Rollouts;

/// <summary>A rollout a gate halted: for the "rollout halted" alert rule.</summary>
internal sealed record HaltedRollout(string Id, string Release, Protocol.Rollouts.RolloutState State, string? Reason, DateTimeOffset? HaltedAt);
