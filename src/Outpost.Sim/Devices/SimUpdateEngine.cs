using Outpost.Protocol.Devices;
using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Devices;

/// <summary>
/// A device's update engine in simulation: on a new desired release it walks Downloading → Verifying → Installing →
/// HealthCheck over the scenario's step times, then commits (current = new, previous = old) or, when the device
/// crashes on that release, rolls back with cause CrashLoop and stays on its current release. Going back to the kept
/// N-1 skips download and verification, as the real agent does. Time comes from the caller (the fleet's clock).
/// </summary>
internal sealed class SimUpdateEngine(SimInstallTimes times, SimDeviceProfile profile, string? initialRelease)
{
    private readonly Lock _gate = new();
    private string? _target;
    private DateTimeOffset _targetSince;
    private bool _fromKept;
    private bool _finished;

    public string? Current { get; private set; } = initialRelease;

    public string? Previous { get; private set; }

    public UpdateReport? Report { get; private set; }

    /// <summary>The answer of a check-in: start on a release the device is not running and not already working on.</summary>
    public void OnDesired(string? desired, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (desired is null || desired == _target || (desired == Current && _target is null))
            {
                return;
            }

            if (desired == Current)
            {
                // The operator (or a rollout's rollback) went back to what runs: abandon the update in progress.
                _target = null;
                return;
            }

            _target = desired;
            _targetSince = now;
            _fromKept = desired == Previous;
            _finished = false;
            Advance(now);
        }
    }

    /// <summary>Moves the update in progress to where <paramref name="now"/> puts it; called before each check-in.</summary>
    public void Advance(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_target is null || _finished)
            {
                return;
            }

            var elapsed = now - _targetSince;
            var download = _fromKept ? TimeSpan.Zero : times.Download;
            var verify = _fromKept ? TimeSpan.Zero : times.Verify;
            if (elapsed < download)
            {
                var percent = (int)(100 * elapsed.Ticks / Math.Max(1, download.Ticks));
                Report = Make(UpdateState.Downloading, now, progress: percent);
            }
            else if (elapsed < download + verify)
            {
                Report = Make(UpdateState.Verifying, now);
            }
            else if (elapsed < download + verify + times.Installing)
            {
                Report = Make(UpdateState.Installing, now);
            }
            else if (elapsed < download + verify + times.Installing + times.HealthCheck)
            {
                Report = Make(UpdateState.HealthCheck, now);
            }
            else
            {
                Finish(now);
            }
        }
    }

    private void Finish(DateTimeOffset now)
    {
        _finished = true;
        if (profile.CrashesOn(_target!))
        {
            Report = Make(UpdateState.RolledBack, now, UpdateFailureCause.CrashLoop,
                "workload crash-looped during the health window (simulated); back on the previous release");
            return;
        }

        Previous = Current;
        Current = _target;
        Report = Make(UpdateState.Committed, now);
    }

    private UpdateReport Make(UpdateState state, DateTimeOffset now, UpdateFailureCause? cause = null, string? detail = null, int? progress = null) =>
        new() { Release = _target!, State = state, At = now, Cause = cause, Detail = detail, ProgressPercent = progress };
}
