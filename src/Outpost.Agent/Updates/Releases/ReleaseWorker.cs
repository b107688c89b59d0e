using Microsoft.Extensions.Logging;
using Outpost.Agent.Updates.Tuf;
using Outpost.Protocol.Devices;
using Outpost.Trust.Tuf;

namespace Outpost.Agent.Updates.Releases;

/// <summary>
/// Runs release verification in the background of the check-in loop (check-ins keep flowing) and keeps the latest
/// <see cref="UpdateReport"/> for the next check-in. A refused release is not retried on every check-in: only when the
/// desired release changes or the verified targets metadata has a new version.
/// </summary>
internal sealed class ReleaseWorker(
    Func<CancellationToken, Task<TufUpdater>> updaterFactory, ReleaseStager stager, string stagingDirectory, TimeProvider time, ILogger logger)
{
    private readonly Lock _gate = new();
    private UpdateReport? _latest;
    private long _refusedAtTargetsVersion;
    private Task _job = Task.CompletedTask;

    public UpdateReport? Latest
    {
        get
        {
            lock (_gate)
            {
                return _latest;
            }
        }
    }

    /// <summary>The running job, for tests and shutdown.</summary>
    public Task Current
    {
        get
        {
            lock (_gate)
            {
                return _job;
            }
        }
    }

    /// <summary>Called with the desired release of every successful check-in answer.</summary>
    public void OnDesired(string? releaseId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_job.IsCompleted)
            {
                return;
            }

            if (releaseId is null)
            {
                _latest = null;
                return;
            }

            if (_latest?.Release == releaseId && _latest.State == UpdateState.Verified)
            {
                return;
            }

            if (_latest?.Release != releaseId && ReleaseStager.StagedPath(stagingDirectory, releaseId) is not null)
            {
                // Staged by an earlier run of the agent: only ever renamed into place after full verification.
                _latest = Report(releaseId, UpdateState.Verified, null, null);
                return;
            }

            var retryOnlyIfNewTargets = _latest?.Release == releaseId && _latest.State == UpdateState.Refused;
            _job = Task.Run(() => RunAsync(releaseId, retryOnlyIfNewTargets, cancellationToken), cancellationToken);
        }
    }

    private async Task RunAsync(string releaseId, bool retryOnlyIfNewTargets, CancellationToken cancellationToken)
    {
        try
        {
            var updater = await updaterFactory(cancellationToken);
            var set = await updater.RefreshAsync(cancellationToken);
            var targetsVersion = set.Targets?.Signed.Version ?? 0;
            if (retryOnlyIfNewTargets && targetsVersion == Volatile.Read(ref _refusedAtTargetsVersion))
            {
                return;
            }

            Log.Started(logger, releaseId);
            Set(Report(releaseId, UpdateState.Downloading, null, 0));
            try
            {
                var path = await stager.StageAsync(updater, releaseId, (state, percent) => Set(Report(releaseId, state, null, percent)), cancellationToken);
                Log.Verified(logger, releaseId, path);
                Set(Report(releaseId, UpdateState.Verified, null, null));
            }
            catch (Exception ex) when (ex is ReleaseRefusedException || (ex is TufException tuf && tuf.Failure != TufFailure.TargetNotFound))
            {
                Volatile.Write(ref _refusedAtTargetsVersion, targetsVersion);
                Log.Refused(logger, releaseId, ex.Message);
                Set(Report(releaseId, UpdateState.Refused, ex.Message, null) with
                {
                    Cause = (ex as ReleaseRefusedException)?.Cause ?? UpdateFailureCause.VerificationFailed,
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down; the next start tries again.
        }
        catch (TufException ex) when (ex.Failure != TufFailure.TargetNotFound)
        {
            // The metadata itself did not verify: as much a refusal as a bad file.
            Log.Refused(logger, releaseId, ex.Message);
            Set(Report(releaseId, UpdateState.Refused, $"TUF metadata refused: {ex.Message}", null));
        }
#pragma warning disable CA1031 // Network, disk or anything else: reported as Failed and retried on the next check-in.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.Failed(logger, releaseId, ex.Message);
            Set(Report(releaseId, UpdateState.Failed, ex.Message, null));
        }
    }

    private void Set(UpdateReport report)
    {
        lock (_gate)
        {
            _latest = report;
        }
    }

    private UpdateReport Report(string releaseId, UpdateState state, string? detail, int? percent) => new()
    {
        Release = releaseId, State = state, Detail = detail, ProgressPercent = percent, At = time.GetUtcNow(),
    };
}
