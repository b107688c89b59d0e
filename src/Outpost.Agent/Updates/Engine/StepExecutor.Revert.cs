using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>Revert: back to the release the update started from, checked first; never a download.</summary>
internal sealed partial class StepExecutor
{
    private async Task<StepOutcome> RevertAsync(string release, CancellationToken cancellationToken)
    {
        var update = state.Journal.Operation!;
        var cause = update.Cause ?? UpdateFailureCause.InstallFailed;
        var detail = update.Detail ?? cause.ToString();
        if (update.From is not { } previous)
        {
            // A first install has nothing to go back to: nothing runs rather than a release that failed.
            await workloads.StopAsync(cancellationToken);
            WorkloadRelease = null;
            link.Remove();
            return RolledBack(release, "none", cause, $"{detail} (first release on this device: nothing runs now)");
        }

        var problem = ReleaseContent.Verify(folders.Installed(previous), state.Journal.Manifests.GetValueOrDefault(previous), out _);
        if (problem is null)
        {
            link.PointAt(previous);
            await StartCommittedAsync(previous, cancellationToken);
            return RolledBack(release, previous, cause, detail);
        }

        // No usable N-1: stay on N, the only complete verified release here, and give its workload a fresh start under
        // its restart policy (docs/designs/update-engine.md, "Rollback target unusable").
        var message = $"cannot roll back {release} ({cause}: {detail}): previous release {previous} is unusable ({problem}); staying on {release}";
        Log.RollbackTargetUnusable(logger, release, message);
        link.PointAt(release);
        await StartCommittedAsync(release, cancellationToken);
        state.Update(j => j with
        {
            Current = release,
            Previous = null,
            Operation = null,
            Failed = WithFailure(j, new FailedRelease { Release = release, State = UpdateState.Failed, Cause = UpdateFailureCause.RollbackTargetUnusable, Detail = message, At = state.Now }),
            LastReport = state.NewReport(release, UpdateState.Failed, UpdateFailureCause.RollbackTargetUnusable, message),
        }, nameof(StepKind.Revert), release, "rollback target unusable: " + problem);
        return StepOutcome.Replan;
    }

    private StepOutcome RolledBack(string release, string previous, UpdateFailureCause cause, string detail)
    {
        Log.RolledBack(logger, release, previous, cause, detail);
        state.Update(j => j with
        {
            Operation = null,
            Failed = WithFailure(j, new FailedRelease { Release = release, State = UpdateState.RolledBack, Cause = cause, Detail = detail, At = state.Now }),
            LastReport = state.NewReport(release, UpdateState.RolledBack, cause, detail),
        }, nameof(StepKind.Revert), release, $"rolled back to {previous}");
        return StepOutcome.Replan;
    }

    private async Task StartCommittedAsync(string release, CancellationToken cancellationToken)
    {
        WorkloadRelease = release;
        try
        {
            await workloads.StartAsync(release, folders.Installed(release), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.WorkloadStartFailed(logger, release, ex.Message);
        }
    }
}
