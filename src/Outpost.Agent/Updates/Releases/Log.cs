using Microsoft.Extensions.Logging;

namespace Outpost.Agent.Updates.Releases;

/// <summary>Release staging events: ids 1400-1499.</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Information, "Verifying and staging release {Release}", EventName = "ReleaseStarted")]
    public static partial void Started(ILogger logger, string release);

    [LoggerMessage(1401, LogLevel.Information, "Release {Release} verified and staged in {Path}", EventName = "ReleaseVerified")]
    public static partial void Verified(ILogger logger, string release, string path);

    [LoggerMessage(1402, LogLevel.Warning, "Release {Release} refused: {Reason}", EventName = "ReleaseRefused")]
    public static partial void Refused(ILogger logger, string release, string reason);

    [LoggerMessage(1403, LogLevel.Warning, "Release {Release} failed, retried on the next check-in: {Reason}", EventName = "ReleaseFailed")]
    public static partial void Failed(ILogger logger, string release, string reason);

    [LoggerMessage(1404, LogLevel.Information, "Trusted TUF root fetched from the pinned server: version 1", EventName = "TufRootBootstrapped")]
    public static partial void RootBootstrapped(ILogger logger);
}
