using Microsoft.Extensions.Logging;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Workloads;

/// <summary>Workload supervisor events: ids 1800-1899.</summary>
internal static partial class Log
{
    [LoggerMessage(1800, LogLevel.Information, "Starting workload of {Release}: {Count} process(es)", EventName = "WorkloadStarting")]
    public static partial void WorkloadStarting(ILogger logger, string release, int count);

    [LoggerMessage(1801, LogLevel.Information, "Process {Process} of {Release} started, pid {Pid}", EventName = "WorkloadProcessStarted")]
    public static partial void Started(ILogger logger, string release, string process, int pid);

    [LoggerMessage(1802, LogLevel.Warning, "Process {Process} exited with code {ExitCode}", EventName = "WorkloadProcessExited")]
    public static partial void Exited(ILogger logger, string process, int exitCode);

    [LoggerMessage(1803, LogLevel.Information, "Process {Process} restarts in {Seconds} s", EventName = "WorkloadProcessBackingOff")]
    public static partial void BackingOff(ILogger logger, string process, double seconds);

    [LoggerMessage(1804, LogLevel.Error, "Process {Process} failed ({Cause}): {Detail}", EventName = "WorkloadProcessFailed")]
    public static partial void Failed(ILogger logger, string process, UpdateFailureCause cause, string detail);

    [LoggerMessage(1805, LogLevel.Warning, "Process {Process}: {Probe} failed ({Failures}/{Threshold}): {Error}", EventName = "WorkloadProbeFailed")]
    public static partial void ProbeFailed(ILogger logger, string process, string probe, int failures, int threshold, string error);

    [LoggerMessage(1806, LogLevel.Information, "Stopping process {Process} (pid {Pid})", EventName = "WorkloadProcessStopping")]
    public static partial void Stopping(ILogger logger, string process, int pid);

    [LoggerMessage(1807, LogLevel.Warning, "Process {Process} (pid {Pid}) ignored SIGTERM for {Seconds} s: killing it", EventName = "WorkloadProcessKilled")]
    public static partial void KillingAfterTimeout(ILogger logger, string process, int pid, double seconds);

    [LoggerMessage(1808, LogLevel.Error, "Supervision of process {Process} failed", EventName = "WorkloadLoopFailed")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string process);

    [LoggerMessage(1809, LogLevel.Warning, "Stopping process {Process} of {Release} (pid {Pid}) left running by a previous agent", EventName = "WorkloadLeftoverStopping")]
    public static partial void LeftoverStopping(ILogger logger, int pid, string release, string process);

    [LoggerMessage(1810, LogLevel.Information, "Pid {Pid} of leftover process {Process} of {Release} now belongs to another program: left alone", EventName = "WorkloadLeftoverPidReused")]
    public static partial void LeftoverPidReused(ILogger logger, int pid, string release, string process);

    [LoggerMessage(1811, LogLevel.Warning, "Killed pid {Pid}, left in the process group of {Process} of {Release}", EventName = "WorkloadLeftoverStrayKilled")]
    public static partial void LeftoverStrayKilled(ILogger logger, int pid, string release, string process);

    [LoggerMessage(1812, LogLevel.Information, "Workload of {Release} stopped", EventName = "WorkloadStopped")]
    public static partial void WorkloadStopped(ILogger logger, string release);
}
