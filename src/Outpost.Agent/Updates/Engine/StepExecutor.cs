using Microsoft.Extensions.Logging;
using Outpost.Agent.Updates.SelfUpdate;
using Outpost.Agent.Workloads;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// Executes one step. Every step is idempotent (running it again after a crash part-way does no harm) and writes the
/// journal only after its effect on disk is durable, or before it when the journal must say what to repair.
/// </summary>
internal sealed partial class StepExecutor(
    EngineState state,
    ReleaseFolders folders,
    CurrentLink link,
    IReleaseSource source,
    IWorkloadSupervisor workloads,
    IAgentSelfUpdate? selfUpdate,
    HealthWatcher watcher,
    ILogger logger)
{
    /// <summary>The release whose workload this agent process started; a restarted agent has started none.</summary>
    public string? WorkloadRelease { get; private set; }

    public Task<StepOutcome> ExecuteAsync(UpdateStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var release = step.Release ?? "";
        return step.Kind switch
        {
            StepKind.Begin => Task.FromResult(Begin(release)),
            StepKind.Abandon => Task.FromResult(Abandon(release)),
            StepKind.Stage => StageAsync(release, cancellationToken),
            StepKind.Recheck => RecheckAsync(release, cancellationToken),
            StepKind.Install => Task.FromResult(Install(release)),
            StepKind.TrialAgent => TrialAgentAsync(release, cancellationToken),
            StepKind.Switch => Task.FromResult(Switch(release)),
            StepKind.Unlink => Task.FromResult(Unlink()),
            StepKind.StartWorkload => StartWorkloadAsync(release, cancellationToken),
            StepKind.WatchHealth => WatchHealthAsync(release, cancellationToken),
            StepKind.Commit => Task.FromResult(Commit(release)),
            StepKind.Revert => RevertAsync(release, cancellationToken),
            StepKind.CollectGarbage => Task.FromResult(CollectGarbage()),
            StepKind.HandOver => HandOverAsync(release, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "unknown step"),
        };
    }

    private StepOutcome Begin(string release)
    {
        state.Update(j => j with
        {
            Operation = new InFlightUpdate { Target = release, From = j.Current, Phase = UpdatePhase.Staging, StartedAt = state.Now },
        }, nameof(StepKind.Begin), release, "started");
        return StepOutcome.Replan;
    }

    private StepOutcome Abandon(string release)
    {
        state.Update(j => j with { Operation = null }, nameof(StepKind.Abandon), release, "desired release changed before the switch");
        return StepOutcome.Replan;
    }

    private StepOutcome Switch(string release)
    {
        var update = state.Journal.Operation;
        if (update?.Target == release)
        {
            state.Report(release, UpdateState.Installing);
            if (update.Phase < UpdatePhase.Switching)
            {
                // Journaled first: if the rename below is lost in a crash, the journal says where current must point.
                state.Update(j => j with { Operation = update with { Phase = UpdatePhase.Switching } }, nameof(StepKind.Switch), release, "switching");
            }
        }
        else
        {
            Log.Repaired(logger, $"current pointed at {link.Read().Release ?? "nothing"}, the journal says {release}");
        }

        link.PointAt(release);
        return StepOutcome.Continue;
    }

    private StepOutcome Unlink()
    {
        Log.Repaired(logger, "current removed: no release is committed");
        link.Remove();
        return StepOutcome.Continue;
    }

    private async Task<StepOutcome> StartWorkloadAsync(string release, CancellationToken cancellationToken)
    {
        WorkloadRelease = release;
        var update = state.Journal.Operation;
        var isTarget = update?.Target == release && update.Phase is UpdatePhase.Switching or UpdatePhase.HealthCheck;
        try
        {
            await workloads.StartAsync(release, folders.Installed(release), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.WorkloadStartFailed(logger, release, ex.Message);
            if (!isTarget)
            {
                return StepOutcome.Continue; // the committed release: there is nothing better to run
            }

            state.Update(j => j with
            {
                Operation = update! with { Phase = UpdatePhase.Reverting, Cause = UpdateFailureCause.InvalidRelease, Detail = $"workload did not start: {ex.Message}" },
            }, nameof(StepKind.StartWorkload), release, "failed: " + ex.Message);
            return StepOutcome.Replan;
        }

        if (isTarget && update!.Phase == UpdatePhase.Switching)
        {
            state.Update(j => j with { Operation = update with { Phase = UpdatePhase.HealthCheck, WindowStartedAt = state.Now } },
                nameof(StepKind.StartWorkload), release, "health window started");
        }

        return StepOutcome.Continue;
    }

    private async Task<StepOutcome> WatchHealthAsync(string release, CancellationToken cancellationToken)
    {
        var update = state.Journal.Operation!;
        var start = update.WindowStartedAt ?? state.Now;
        var window = ReleaseContent.DefaultHealthWindow;
        try
        {
            window = ReleaseContent.Read(folders.Installed(release)).HealthWindow;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // Install checked release.json; if it vanished since, the workload will say so. The default window applies.
        }

        state.Report(release, UpdateState.HealthCheck);
        Log.HealthWindow(logger, release, start, start + window);
        var verdict = await watcher.WatchAsync(start, window, cancellationToken);
        if (verdict.Passed)
        {
            return StepOutcome.Continue;
        }

        state.Update(j => j with { Operation = update with { Phase = UpdatePhase.Reverting, Cause = verdict.Cause, Detail = verdict.Detail } },
            nameof(StepKind.WatchHealth), release, $"failed: {verdict.Cause}: {verdict.Detail}");
        return StepOutcome.Replan;
    }

    private StepOutcome Commit(string release)
    {
        var update = state.Journal.Operation!;
        var handOver = selfUpdate is not null && AgentBinary(release) is not null ? release : null;
        var journal = state.Update(j => j with
        {
            Current = release,
            Previous = update.From == release ? j.Previous : update.From,
            Operation = null,
            Failed = [.. j.Failed.Where(f => f.Release != release)],
            PendingHandOver = handOver,
            LastReport = state.NewReport(release, UpdateState.Committed, null, null),
        }, nameof(StepKind.Commit), release, "committed");
        Log.Committed(logger, release, journal.Previous ?? "none");
        return StepOutcome.Replan;
    }

    private StepOutcome CollectGarbage()
    {
        var kept = UpdatePlanner.Kept(state.Journal);
        var removed = folders.CollectGarbage(kept, state.Desired);
        var journal = state.Journal;
        if (journal.Manifests.Keys.Any(r => !kept.Contains(r)))
        {
            state.Update(j => j with { Manifests = j.Manifests.Where(m => kept.Contains(m.Key)).ToDictionary(StringComparer.Ordinal) },
                nameof(StepKind.CollectGarbage), null, string.Join(", ", removed));
        }

        Log.GarbageCollected(logger, removed.Count == 0 ? "nothing" : string.Join(", ", removed));
        return StepOutcome.Continue;
    }

    private async Task<StepOutcome> HandOverAsync(string release, CancellationToken cancellationToken)
    {
        // At most once: a crash after this write leaves the old binary running, which is the safe side.
        state.Update(j => j with { PendingHandOver = null }, nameof(StepKind.HandOver), release, "handing over");
        if (selfUpdate is not null)
        {
            await selfUpdate.HandOverAsync(cancellationToken);
        }

        return StepOutcome.Stop;
    }

    private string? AgentBinary(string release)
    {
        try
        {
            return ReleaseContent.Read(folders.Installed(release)).AgentBinary;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IReadOnlyList<FailedRelease> WithFailure(UpdateJournal journal, FailedRelease failure) =>
        [.. journal.Failed.Where(f => f.Release != failure.Release), failure];
}
