using Microsoft.Extensions.Logging;
using Outpost.Agent.Identity;
using Outpost.Agent.Telemetry;
using Outpost.Agent.Updates.Engine;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Sync;

/// <summary>
/// The agent's heartbeat: renew the certificate when due, check in with a system snapshot, wait as the
/// <see cref="CheckInSchedule"/> says, repeat until cancelled. It never gives up: a device whose server is down
/// keeps working and keeps trying, and a revoked device keeps asking at the slowest pace (an operator may restore it).
/// </summary>
internal sealed class CheckInLoop(
    IDeviceTransport transport,
    ISystemSnapshotSource snapshots,
    CertificateRenewer renewer,
    CheckInSchedule schedule,
    string deviceClass,
    TimeProvider time,
    ILogger<CheckInLoop> logger,
    IUpdateStatusSource? updates = null,
    StartSpread? startSpread = null)
{
    /// <summary>Raised once the wait before the next check-in (or the first) has started (its timer exists), with its length.</summary>
    public event Action<TimeSpan>? Waiting;

    /// <summary>Raised after each check-in the server accepted (self-update confirms a new binary on the first).</summary>
    public event Action? CheckedIn;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Log.LoopStarted(logger, schedule.Interval);
        try
        {
            var first = startSpread is { } boot ? schedule.AtStart(boot.SystemUptime, boot.BootWindow) : TimeSpan.Zero;
            if (first > TimeSpan.Zero)
            {
                Log.StartSpread(logger, first);
                var spread = Task.Delay(first, time, cancellationToken);
                Waiting?.Invoke(first);
                await spread;
            }

            while (true)
            {
                var delay = await CheckInOnceAsync(cancellationToken);
                var wait = Task.Delay(delay, time, cancellationToken);
                Waiting?.Invoke(delay);
                await wait;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.LoopStopped(logger);
        }
    }

    /// <summary>One round: renewal if due, then the check-in. Returns how long to wait before the next round.</summary>
    public async Task<TimeSpan> CheckInOnceAsync(CancellationToken cancellationToken)
    {
        if (renewer.IsDue())
        {
            await renewer.RenewAsync(transport, cancellationToken);
        }

        var status = updates?.Status ?? UpdateStatus.None;
        var request = new CheckInRequest
        {
            AgentVersion = AgentVersion.Current, DeviceClass = deviceClass, System = Snapshot(), Update = status.Update,
            CurrentRelease = status.CurrentRelease, PreviousRelease = status.PreviousRelease,
        };
        DeviceCallResult<CheckInResponse> result;
        try
        {
            result = await transport.CheckInAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A transport bug must not end the heartbeat; treat it like the server being away.
            result = DeviceCallResult<CheckInResponse>.Fail(DeviceCallStatus.Unavailable, ex.Message);
        }

        if (result.Status == DeviceCallStatus.Ok && result.Value is { } answer)
        {
            CheckedIn?.Invoke();
            // Hands the desired release to the update engine; never waits for update work.
            updates?.OnDesired(answer.Desired.ReleaseId);
        }

        return Schedule(result);
    }

    private TimeSpan Schedule(DeviceCallResult<CheckInResponse> result)
    {
        var failuresBefore = schedule.ConsecutiveFailures;
        TimeSpan delay;
        switch (result.Status)
        {
            case DeviceCallStatus.Ok:
                delay = schedule.AfterSuccess(result.Value?.NextCheckInSeconds);
                if (failuresBefore > 0)
                {
                    Log.Recovered(logger, failuresBefore);
                }

                Log.CheckedIn(logger, delay);
                break;
            case DeviceCallStatus.Revoked:
                delay = schedule.AfterRefusal();
                Log.Revoked(logger, result.Detail ?? "", delay);
                break;
            case DeviceCallStatus.Refused:
                delay = schedule.AfterRefusal();
                Log.Refused(logger, result.Detail ?? "", renewer.Current.NotAfter.ToUniversalTime(), delay);
                break;
            default:
                delay = schedule.AfterFailure();
                Log.Unavailable(logger, schedule.ConsecutiveFailures, result.Detail ?? "", delay);
                break;
        }

        return delay;
    }

    private SystemSnapshot Snapshot()
    {
        try
        {
            return snapshots.Read();
        }
        catch (Exception ex)
        {
            // The snapshot is best effort; the check-in (liveness) matters more.
            Log.SnapshotFailed(logger, ex.Message);
            return new SystemSnapshot();
        }
    }
}
