namespace Outpost.Server.Alerts;

/// <summary>A rollout the rollout engine halted (a gate failed) and that is still halted.</summary>
internal sealed record HaltedRollout(string RolloutId, string Release, string Reason, DateTimeOffset HaltedAt);
