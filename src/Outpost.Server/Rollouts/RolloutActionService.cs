namespace Outpost.Server.Rollouts;

/// <summary>
/// pause, resume, promote and abort as one code path behind both the admin API (<c>POST /v1/rollouts/{id}/{action}</c>) and
/// the dashboard's forms: the same state rules (<see cref="OperatorActions"/>), the same optimistic retry against the
/// engine, the same audited decision naming the acting admin token.
/// </summary>
internal sealed class RolloutActionService(IRolloutStore store, TimeProvider time, ILogger<RolloutEngine> logger)
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Applies <paramref name="action"/> to rollout <paramref name="id"/> for the admin token <paramref name="actorId"/>: its id is
    /// the decision's <c>by</c>, its name <paramref name="actorName"/> goes into the reason for people reading the log.
    /// </summary>
    public async Task<RolloutActionResult> ActAsync(string id, string action, string actorId, string actorName, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await store.GetAsync(id, cancellationToken) is not { } rollout)
            {
                return new RolloutActionResult(RolloutActionOutcome.NotFound, null, $"No rollout with id '{id}'.");
            }

            var (next, reason) = OperatorActions.Apply(rollout, action, time.GetUtcNow());
            if (next is null)
            {
                return new RolloutActionResult(RolloutActionOutcome.Refused, rollout, reason);
            }

            var decision = new RolloutDecision(DecisionName(action), $"{reason} (by {actorName})", actorId);
            if (await store.SaveAsync(next, rollout.Version, [], [decision], cancellationToken))
            {
                Log.Decision(logger, id, decision.Action, decision.Reason);
                return new RolloutActionResult(RolloutActionOutcome.Done, next, reason);
            }

            // The engine stepped the rollout meanwhile: apply the action to its new state.
        }

        return new RolloutActionResult(RolloutActionOutcome.Refused, null, $"rollout {id} kept changing; try again.");
    }

    private static string DecisionName(string action) => action switch
    {
        "pause" => "paused",
        "resume" => "resumed",
        "promote" => "promotedByOperator",
        _ => "aborted",
    };
}
