namespace Outpost.Server.Rollouts;

/// <summary>An operator action's outcome: the rollout after it when done, otherwise why not (safe to show the operator).</summary>
internal sealed record RolloutActionResult(RolloutActionOutcome Outcome, RolloutRecord? Rollout, string Message);
