using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Workloads.Probes;
using Outpost.Agent.Workloads.Processes;
using Outpost.Agent.Workloads.Spec;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Workloads;

/// <summary>
/// One process of the running release: starts it, captures its output, probes it, applies its restart policy, and
/// reports a failure for good (crash loop, probe failures, exit under "never") once through <c>onFailure</c>.
/// </summary>
internal sealed partial class SupervisedProcess(
    ProcessLaunch launch, RotatingLog log, PidFile pids, TimeProvider time, ILogger logger, Action<UpdateFailureCause, string> onFailure)
    : IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly RestartTracker _restartTracker = new(launch.Spec.Restart, launch.Spec.CrashLoop);
    private Task _loop = Task.CompletedTask;
    private Process? _current;
    private bool _group;
    private bool _stopping;
    private ProcessState _state = ProcessState.Starting;
    private int _restarts;
    private bool _probePassing;
    private DateTimeOffset? _nextStartAt;
    private int _lastExitCode;
    private string? _lastProbeError;

    public string Name => launch.Name;

    public ProcessStatus Status
    {
        get
        {
            lock (_gate)
            {
                var healthy = _state == ProcessState.Completed
                    || (_state == ProcessState.Running && (launch.Probe is null || _probePassing));
                return new ProcessStatus(Name, _state, _current?.Id, _restarts, _probePassing, healthy, _nextStartAt, healthy ? null : Problem());
            }
        }
    }

    private string? Problem() => _state switch
    {
        ProcessState.Starting => $"process {Name} is starting",
        ProcessState.BackingOff => $"process {Name} exited with {DescribeExit(_lastExitCode)} and restarts at {_nextStartAt:O}",
        ProcessState.Running => $"process {Name}: {launch.Probe!.Description} has not passed since the process started"
            + (_lastProbeError is null ? "" : $"; last error: {_lastProbeError}"),
        _ => null,
    };

    public void Start() => _loop = Task.Run(() => RunAsync(_lifetime.Token));

    /// <summary>SIGTERM to the process (group), SIGKILL after the stop timeout; the restart loop ends first.</summary>
    public async Task StopAsync()
    {
        Process? process;
        bool group;
        lock (_gate)
        {
            _stopping = true;
            process = _current;
            group = _group;
        }

        await _lifetime.CancelAsync();
        if (process is not null)
        {
            await TerminateAsync(process, group);
        }

        try
        {
            await _loop;
        }
        catch (Exception ex)
        {
            Log.LoopFailed(logger, ex, Name);
        }

        lock (_gate)
        {
            _state = ProcessState.Stopped;
        }

        Dispose();
    }

    /// <summary>Releases the log file; call after <see cref="StopAsync"/>, which does.</summary>
    public void Dispose()
    {
        _lifetime.Dispose();
        log.Dispose();
    }

    private async Task TerminateAsync(Process process, bool group)
    {
        int pid;
        try
        {
            if (process.HasExited)
            {
                return;
            }

            pid = process.Id;
        }
        catch (InvalidOperationException)
        {
            return;
        }

        Log.Stopping(logger, Name, pid);
        PosixSignals.Send(pid, PosixSignals.Terminate, group);
        using (var timeout = new CancellationTokenSource(launch.Spec.StopTimeout, time))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Log.KillingAfterTimeout(logger, Name, pid, launch.Spec.StopTimeoutSeconds);
            }
            catch (InvalidOperationException)
            {
                // Released by the loop after it saw the exit.
            }
        }

        if (group)
        {
            // Also whatever the leader started and left behind in its group: they had their SIGTERM with it.
            PosixSignals.Send(pid, PosixSignals.Kill, group: true);
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // The loop saw the exit and released the process meanwhile: nothing left to kill.
        }
    }
}
