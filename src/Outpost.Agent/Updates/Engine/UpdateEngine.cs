using Microsoft.Extensions.Logging;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// The reconcile loop: facts from disk → <see cref="UpdatePlanner"/> → steps run by <see cref="StepExecutor"/> → plan
/// again, until the plan is empty or a step says to wait for the next check-in. Check-ins feed it the desired release
/// and read its status; it never waits for the server, so a device keeps its health window and rollback offline.
/// </summary>
internal sealed class UpdateEngine(
    EngineState state, StepExecutor executor, ReleaseFolders folders, CurrentLink link, FaultPoints faults, ILogger logger)
    : IUpdateStatusSource, IDisposable
{
    /// <summary>A bound on plan/execute rounds per reconcile: a planner bug must not spin the agent.</summary>
    private const int MaxRounds = 32;

    private readonly SemaphoreSlim _wake = new(0, 1);

    public UpdateStatus Status => state.Status;

    public UpdateJournal Journal => state.Journal;

    public void Dispose() => _wake.Dispose();

    public void Load()
    {
        state.Load();
        var journal = state.Journal;
        Log.Loaded(logger, journal.Current ?? "none", journal.Previous ?? "none", journal.Operation?.Target ?? "none", journal.Operation?.Phase.ToString() ?? "-");
    }

    public void OnDesired(string? releaseId)
    {
        try
        {
            state.SetDesired(releaseId);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Never into the check-in loop: a full or failing disk must not stop the heartbeat.
            Log.EngineError(logger, $"cannot save the desired release {releaseId}: {ex.Message}");
        }

        // Every check-in wakes the loop: a failed download is retried, a refusal rechecked against new targets.
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled by a concurrent check-in.
            }
        }
    }

    /// <summary>Runs until cancelled: a reconcile at once (journal repair and resumption), then one per wake-up.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await ReconcileAsync(quickOnly: false, cancellationToken);
            await _wake.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Plans and executes until nothing is left. <paramref name="quickOnly"/> (at start-up, before the first check-in)
    /// stops before the first step that downloads, waits or hands over: repairs and restarts only.
    /// </summary>
    public async Task ReconcileAsync(bool quickOnly, CancellationToken cancellationToken)
    {
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var facts = folders.ReadFacts(state.Journal, link, executor.WorkloadRelease);
                var plan = UpdatePlanner.Plan(state.Desired, state.Journal, facts);
                if (plan.IsEmpty)
                {
                    return;
                }

                Log.Planned(logger, plan.ToString());
                if (await ExecuteAsync(plan, quickOnly, cancellationToken) is StepOutcome.Stop)
                {
                    return;
                }
            }

            Log.EngineError(logger, $"no steady state after {MaxRounds} plans");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Disk errors and the like: the journal holds what was done; the next check-in plans again from there.
            Log.EngineError(logger, ex.Message);
        }
        finally
        {
            state.Settle();
        }
    }

    private async Task<StepOutcome> ExecuteAsync(UpdatePlan plan, bool quickOnly, CancellationToken cancellationToken)
    {
        foreach (var step in plan.Steps)
        {
            if (quickOnly && step.Kind is StepKind.Stage or StepKind.Recheck or StepKind.WatchHealth or StepKind.TrialAgent or StepKind.HandOver)
            {
                return StepOutcome.Stop;
            }

            faults.Hit("step " + step);
            Log.StepStarted(logger, step.Kind, step.Release ?? "-");
            var outcome = await executor.ExecuteAsync(step, cancellationToken);
            Log.StepDone(logger, step.Kind, step.Release ?? "-", outcome.ToString());
            if (outcome != StepOutcome.Continue)
            {
                return outcome;
            }
        }

        return StepOutcome.Continue;
    }
}
