using Microsoft.Extensions.Logging;

namespace Outpost.Agent.Sync;

/// <summary>Check-in loop events: ids 1000-1099.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Check-in loop started (interval {Interval})", EventName = "LoopStarted")]
    public static partial void LoopStarted(ILogger logger, TimeSpan interval);

    [LoggerMessage(1001, LogLevel.Information, "Check-in loop stopped", EventName = "LoopStopped")]
    public static partial void LoopStopped(ILogger logger);

    [LoggerMessage(1002, LogLevel.Debug, "Checked in; next check-in in {Delay}", EventName = "CheckedIn")]
    public static partial void CheckedIn(ILogger logger, TimeSpan delay);

    [LoggerMessage(1003, LogLevel.Warning, "Check-in failed (attempt {Attempt}): {Detail}; retrying in {Delay}", EventName = "CheckInUnavailable")]
    public static partial void Unavailable(ILogger logger, int attempt, string detail, TimeSpan delay);

    [LoggerMessage(1004, LogLevel.Information, "Server reachable again after {Failures} failed check-ins", EventName = "CheckInRecovered")]
    public static partial void Recovered(ILogger logger, int failures);

    [LoggerMessage(1005, LogLevel.Critical, "DEVICE REVOKED by the server ({Detail}); re-enroll this device. Asking again in {Delay}", EventName = "DeviceRevoked")]
    public static partial void Revoked(ILogger logger, string detail, TimeSpan delay);

    [LoggerMessage(1006, LogLevel.Error, "Check-in refused: {Detail} (certificate expires {NotAfter:o}); asking again in {Delay}", EventName = "CheckInRefused")]
    public static partial void Refused(ILogger logger, string detail, DateTime notAfter, TimeSpan delay);

    [LoggerMessage(1007, LogLevel.Warning, "System snapshot failed: {Reason}", EventName = "SnapshotFailed")]
    public static partial void SnapshotFailed(ILogger logger, string reason);

    [LoggerMessage(1008, LogLevel.Information, "The system booted moments ago: first check-in in {Delay} (spread, as every device of a site powering on together would otherwise arrive at once)", EventName = "StartSpread")]
    public static partial void StartSpread(ILogger logger, TimeSpan delay);
}
