using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Dashboard.Views;

/// <summary>A rollout of a release (any state).</summary>
public sealed record ReleaseRolloutView(string Id, RolloutState State, DateTimeOffset CreatedAt, string CreatedBy, int TargetCount);
