using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Outpost.Agent.Workloads.Probes;
using Outpost.Agent.Workloads.Processes;
using Outpost.Agent.Workloads.Spec;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Workloads;

/// <summary>The start → wait → restart-or-fail loop and the probe loop of one process.</summary>
internal sealed partial class SupervisedProcess
{
    private async Task RunAsync(CancellationToken stop)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_stopping)
                {
                    return;
                }
            }

            Process process;
            bool group;
            try
            {
                process = ProcessLauncher.Start(launch.Command, launch.Args, launch.WorkingDirectory, launch.Environment, out group);
            }
            catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
            {
                Fail(UpdateFailureCause.InvalidRelease, $"process {Name}: cannot start {launch.Spec.Command}: {ex.Message}");
                return;
            }

            var startedAt = time.GetUtcNow();
            var pid = process.Id;
            bool stoppedMeanwhile;
            lock (_gate)
            {
                // StopAsync may have run between the check above and the start: then it did not see this process.
                stoppedMeanwhile = _stopping;
                _current = process;
                _group = group;
                _state = ProcessState.Running;
                _probePassing = false;
                _lastProbeError = null;
                _nextStartAt = null;
            }

            if (ProcStat.Read(pid) is { } stat)
            {
                pids.Add(new PidRecord(pid, stat.StartTime, group, launch.Spec.StopTimeout, launch.ReleaseId, Name));
            }

            Log.Started(logger, launch.ReleaseId, Name, pid);
            var output = OutputPump.RunAsync(process.StandardOutput.BaseStream, "out", log, time);
            var error = OutputPump.RunAsync(process.StandardError.BaseStream, "err", log, time);
            if (stoppedMeanwhile)
            {
                await TerminateAsync(process, group);
            }

            using var probing = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var probe = launch.Probe is { } p ? ProbeLoopAsync(p, launch.Spec.Probe!, probing.Token) : Task.CompletedTask;
            try
            {
                await process.WaitForExitAsync(stop);
            }
            catch (OperationCanceledException)
            {
                // StopAsync signals it; bounded in case even SIGKILL cannot end it (EPERM).
                using var bound = new CancellationTokenSource(launch.Spec.StopTimeout + DrainTimeout + DrainTimeout, time);
                await Quietly(process.WaitForExitAsync(bound.Token));
            }

            await probing.CancelAsync();
            await Quietly(probe);
            await Quietly(Task.WhenAny(Task.WhenAll(output, error), Task.Delay(DrainTimeout, time, CancellationToken.None)));
            pids.Remove(pid);
            var exitCode = process.HasExited ? process.ExitCode : -1;
            lock (_gate)
            {
                _current = null;
                _lastExitCode = exitCode;
            }

            process.Dispose();
            if (stop.IsCancellationRequested)
            {
                return;
            }

            if (!await AfterExitAsync(exitCode, startedAt, stop))
            {
                return;
            }
        }
    }

    /// <summary>Applies the restart policy to an exit: true = start again (after the backoff, already waited).</summary>
    private async Task<bool> AfterExitAsync(int exitCode, DateTimeOffset startedAt, CancellationToken stop)
    {
        var exitedAt = time.GetUtcNow();
        Log.Exited(logger, Name, exitCode);
        switch (launch.Spec.Restart.ParsedPolicy)
        {
            case RestartPolicy.Never:
                Fail(UpdateFailureCause.ProcessExited, $"process {Name} exited with {DescribeExit(exitCode)} (restart policy never)");
                return false;
            case RestartPolicy.OnFailure when exitCode == 0:
                lock (_gate)
                {
                    _state = ProcessState.Completed;
                }

                return false;
        }

        if (_restartTracker.OnExit(startedAt, exitedAt) is not { } delay)
        {
            Fail(UpdateFailureCause.CrashLoop, string.Create(
                CultureInfo.InvariantCulture,
                $"process {Name} exited {_restartTracker.ExitsInWindow} times within {launch.Spec.CrashLoop.WindowSeconds} s (crashLoop.maxRestarts {launch.Spec.CrashLoop.MaxRestarts}); last exit code {exitCode}{(exitCode > 128 ? $" ({DescribeExit(exitCode)})" : "")}"));
            return false;
        }

        var wait = Task.Delay(delay, time, stop);
        lock (_gate)
        {
            _state = ProcessState.BackingOff;
            _nextStartAt = time.GetUtcNow() + delay;
        }

        Log.BackingOff(logger, Name, delay.TotalSeconds);
        try
        {
            await wait;
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        lock (_gate)
        {
            _restarts++;
            _state = ProcessState.Starting;
            _nextStartAt = null;
        }

        return true;
    }

    private async Task ProbeLoopAsync(IProbe probe, ProbeSpec spec, CancellationToken stop)
    {
        if (spec.InitialDelay > TimeSpan.Zero)
        {
            await Task.Delay(spec.InitialDelay, time, stop);
        }

        var failures = 0;
        while (true)
        {
            var error = await CheckAsync(probe, spec, stop);
            stop.ThrowIfCancellationRequested();
            if (error is null)
            {
                failures = 0;
                lock (_gate)
                {
                    _probePassing = true;
                    _lastProbeError = null;
                }
            }
            else
            {
                failures++;
                lock (_gate)
                {
                    _probePassing = false;
                    _lastProbeError = error;
                }

                Log.ProbeFailed(logger, Name, probe.Description, failures, spec.FailureThreshold, error);
                if (failures >= spec.FailureThreshold)
                {
                    Fail(UpdateFailureCause.ProbeFailed, string.Create(
                        CultureInfo.InvariantCulture,
                        $"process {Name}: {probe.Description} failed {failures} times in a row (failureThreshold {spec.FailureThreshold}); last error: {error}"));
                    return;
                }
            }

            await Task.Delay(spec.Interval, time, stop);
        }
    }

    private async Task<string?> CheckAsync(IProbe probe, ProbeSpec spec, CancellationToken stop)
    {
        using var timeout = new CancellationTokenSource(spec.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        try
        {
            return await probe.CheckAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return string.Create(CultureInfo.InvariantCulture, $"timed out after {spec.TimeoutSeconds} s");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ex.Message;
        }
    }

    private void Fail(UpdateFailureCause cause, string detail)
    {
        lock (_gate)
        {
            if (cause != UpdateFailureCause.ProbeFailed)
            {
                _state = ProcessState.Failed;
            }
        }

        Log.Failed(logger, Name, cause, detail);
        onFailure(cause, detail);
    }

    private static string DescribeExit(int exitCode) => exitCode is > 128 and < 160
        ? string.Create(CultureInfo.InvariantCulture, $"signal {exitCode - 128}")
        : string.Create(CultureInfo.InvariantCulture, $"exit code {exitCode}");

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
    }
}
