using Microsoft.Extensions.Logging;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>Update engine events: ids 1500-1599. One line per step, so a killed agent's progress can be read back.</summary>
internal static partial class Log
{
    [LoggerMessage(1500, LogLevel.Information, "Update engine loaded its journal: current {Current}, previous {Previous}, in flight {Target} ({Phase})", EventName = "EngineLoaded")]
    public static partial void Loaded(ILogger logger, string current, string previous, string target, string phase);

    [LoggerMessage(1501, LogLevel.Information, "Update plan: {Plan}", EventName = "UpdatePlanned")]
    public static partial void Planned(ILogger logger, string plan);

    [LoggerMessage(1502, LogLevel.Information, "Update step {Step} {Release} started", EventName = "UpdateStepStarted")]
    public static partial void StepStarted(ILogger logger, StepKind step, string release);

    [LoggerMessage(1503, LogLevel.Information, "Update step {Step} {Release} done: {Outcome}", EventName = "UpdateStepDone")]
    public static partial void StepDone(ILogger logger, StepKind step, string release, string outcome);

    [LoggerMessage(1504, LogLevel.Information, "Release {Release} committed (previous {Previous})", EventName = "UpdateCommitted")]
    public static partial void Committed(ILogger logger, string release, string previous);

    [LoggerMessage(1505, LogLevel.Warning, "Release {Release} rolled back to {Previous}: {Cause}: {Detail}", EventName = "UpdateRolledBack")]
    public static partial void RolledBack(ILogger logger, string release, string previous, UpdateFailureCause cause, string detail);

    [LoggerMessage(1506, LogLevel.Warning, "Release {Release} refused: {Cause}: {Detail}", EventName = "UpdateRefused")]
    public static partial void Refused(ILogger logger, string release, UpdateFailureCause cause, string detail);

    [LoggerMessage(1507, LogLevel.Warning, "Release {Release} failed, retried on the next check-in: {Cause}: {Detail}", EventName = "UpdateFailed")]
    public static partial void Failed(ILogger logger, string release, UpdateFailureCause cause, string detail);

    [LoggerMessage(1508, LogLevel.Error, "Cannot roll back {Release}: {Detail}", EventName = "RollbackTargetUnusable")]
    public static partial void RollbackTargetUnusable(ILogger logger, string release, string detail);

    [LoggerMessage(1509, LogLevel.Warning, "Repaired the data folder: {What}", EventName = "UpdateRepaired")]
    public static partial void Repaired(ILogger logger, string what);

    [LoggerMessage(1510, LogLevel.Error, "Workload of {Release} did not start: {Detail}", EventName = "WorkloadStartFailed")]
    public static partial void WorkloadStartFailed(ILogger logger, string release, string detail);

    [LoggerMessage(1511, LogLevel.Information, "Garbage collected: {Removed}", EventName = "GarbageCollected")]
    public static partial void GarbageCollected(ILogger logger, string removed);

    [LoggerMessage(1512, LogLevel.Error, "Update engine error, retried on the next check-in: {Detail}", EventName = "UpdateEngineError")]
    public static partial void EngineError(ILogger logger, string detail);

    [LoggerMessage(1513, LogLevel.Information, "Health window of {Release} runs until {End:o} (started {Start:o})", EventName = "HealthWindowStarted")]
    public static partial void HealthWindow(ILogger logger, string release, DateTimeOffset start, DateTimeOffset end);
}
