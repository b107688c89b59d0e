using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>A decision to append to the audit log; the store numbers it. <paramref name="By"/> is null for the engine.</summary>
internal sealed record RolloutDecision(string Action, string Reason, string? By = null, RolloutEvidence? Evidence = null);
