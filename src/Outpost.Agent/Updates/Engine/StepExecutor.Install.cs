using Outpost.Agent.Updates.Releases;
using Outpost.Protocol.Devices;
using Outpost.Trust.Tuf;

namespace Outpost.Agent.Updates.Engine;

/// <summary>The steps before the switch: stage, recheck a refusal, install, try the agent binary.</summary>
internal sealed partial class StepExecutor
{
    private async Task<StepOutcome> StageAsync(string release, CancellationToken cancellationToken)
    {
        state.Report(release, UpdateState.Downloading, 0);
        long targetsVersion = 0;
        try
        {
            targetsVersion = await source.RefreshAsync(cancellationToken);
            await source.StageAsync(release, (s, percent) => state.Report(release, s, percent), cancellationToken);
            state.Report(release, UpdateState.Verified);
            return StepOutcome.Continue;
        }
        catch (ReleaseRefusedException ex)
        {
            // NotEnoughDisk (the preflight) or VerificationFailed: the stager says which.
            return Refuse(release, ex.Cause, ex.Message, targetsVersion);
        }
        catch (TufException ex) when (ex.Failure != TufFailure.TargetNotFound)
        {
            return Refuse(release, UpdateFailureCause.VerificationFailed, targetsVersion == 0 ? $"TUF metadata refused: {ex.Message}" : ex.Message, targetsVersion);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Network, disk, anything else: the update stays in flight and the next check-in tries again.
            Log.Failed(logger, release, UpdateFailureCause.DownloadFailed, ex.Message);
            state.Update(j => j with { LastReport = state.NewReport(release, UpdateState.Failed, UpdateFailureCause.DownloadFailed, ex.Message) },
                nameof(StepKind.Stage), release, "failed: " + ex.Message);
            return StepOutcome.Stop;
        }
    }

    private async Task<StepOutcome> RecheckAsync(string release, CancellationToken cancellationToken)
    {
        var failure = state.Journal.FailureOf(release);
        long version;
        try
        {
            version = await source.RefreshAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return StepOutcome.Stop; // still no trustworthy answer: the refusal stands
        }

        if (failure is null || version == failure.TargetsVersion)
        {
            return StepOutcome.Stop;
        }

        state.Update(j => j with { Failed = [.. j.Failed.Where(f => f.Release != release)] },
            nameof(StepKind.Recheck), release, $"signed targets changed (version {failure.TargetsVersion} -> {version}): trying again");
        return StepOutcome.Replan;
    }

    private StepOutcome Install(string release)
    {
        state.Report(release, UpdateState.Installing);
        var folder = folders.Installed(release);
        var fresh = !Directory.Exists(folder);
        if (fresh)
        {
            if (!Directory.Exists(folders.Staged(release)))
            {
                return StepOutcome.Replan;
            }

            folders.Install(release);
        }

        var problem = ReleaseContent.Verify(folder, fresh ? null : state.Journal.Manifests.GetValueOrDefault(release), out var content);
        if (problem is not null)
        {
            folders.Delete(folder);
            if (!fresh)
            {
                // A kept copy that no longer matches (a fleet rollback to a damaged N-1): fetched again.
                Log.Repaired(logger, $"releases/{release} no longer matched its release.json ({problem}); fetching it again");
                return StepOutcome.Replan;
            }

            Log.Failed(logger, release, UpdateFailureCause.InstallFailed, problem);
            state.Update(j => j with { LastReport = state.NewReport(release, UpdateState.Failed, UpdateFailureCause.InstallFailed, problem) },
                nameof(StepKind.Install), release, "failed: " + problem);
            return StepOutcome.Stop;
        }

        Posix.SyncDirectory(folder);
        if (content!.AgentBinary is { } binary && selfUpdate is null)
        {
            return Refuse(release, UpdateFailureCause.InvalidRelease,
                $"release carries an agent binary ({binary}) but this agent has no self-update; it was not installed", null);
        }

        state.Update(j => j with
        {
            Operation = j.Operation! with { Phase = UpdatePhase.Installed },
            Manifests = new Dictionary<string, string>(j.Manifests, StringComparer.Ordinal) { [release] = content.ManifestSha256 },
        }, nameof(StepKind.Install), release, "installed and checked");
        return StepOutcome.Replan;
    }

    private async Task<StepOutcome> TrialAgentAsync(string release, CancellationToken cancellationToken)
    {
        var binary = AgentBinary(release);
        if (selfUpdate is null || binary is null)
        {
            return Refuse(release, UpdateFailureCause.InvalidRelease, "release carries an agent binary but this agent has no self-update", null);
        }

        state.Report(release, UpdateState.Installing);
        var result = await selfUpdate.TrialAsync(release, Path.Combine(folders.Installed(release), binary), cancellationToken);
        if (result.Passed)
        {
            state.Update(j => j with { Operation = j.Operation! with { Phase = UpdatePhase.Trialed } }, nameof(StepKind.TrialAgent), release, "agent binary passed its trial");
            return StepOutcome.Replan;
        }

        // Nothing was switched: the running agent and current are untouched.
        var detail = $"new agent binary failed its trial: {result.Detail}";
        Log.RolledBack(logger, release, state.Journal.Current ?? "none", UpdateFailureCause.AgentDidNotStart, detail);
        state.Update(j => j with
        {
            Operation = null,
            Failed = WithFailure(j, new FailedRelease { Release = release, State = UpdateState.RolledBack, Cause = UpdateFailureCause.AgentDidNotStart, Detail = detail, At = state.Now }),
            LastReport = state.NewReport(release, UpdateState.RolledBack, UpdateFailureCause.AgentDidNotStart, detail),
        }, nameof(StepKind.TrialAgent), release, "failed: " + detail);
        return StepOutcome.Replan;
    }

    private StepOutcome Refuse(string release, UpdateFailureCause cause, string detail, long? targetsVersion)
    {
        Log.Refused(logger, release, cause, detail);
        state.Update(j => j with
        {
            Operation = j.Operation?.Target == release ? null : j.Operation,
            Failed = WithFailure(j, new FailedRelease { Release = release, State = UpdateState.Refused, Cause = cause, Detail = detail, TargetsVersion = targetsVersion, At = state.Now }),
            LastReport = state.NewReport(release, UpdateState.Refused, cause, detail),
        }, "Refuse", release, $"{cause}: {detail}");
        return StepOutcome.Stop;
    }
}
