using Microsoft.Extensions.Logging;

namespace Outpost.Agent.Updates.Tuf;

/// <summary>TUF client events: ids 1300-1399.</summary>
internal static partial class Log
{
    [LoggerMessage(1300, LogLevel.Information, "Trusted root is now version {Version}", EventName = "RootUpdated")]
    public static partial void RootUpdated(ILogger logger, long version);

    [LoggerMessage(1301, LogLevel.Information, "Trusted {Role} is now version {Version}", EventName = "MetadataUpdated")]
    public static partial void MetadataUpdated(ILogger logger, string role, long version);

    [LoggerMessage(1302, LogLevel.Warning, "Ignoring the stored {Role} metadata: {Reason}", EventName = "StoredMetadataRefused")]
    public static partial void StoredMetadataRefused(ILogger logger, string role, string reason);

    [LoggerMessage(1303, LogLevel.Information, "Root rotated the timestamp or snapshot keys; deleted the stored copies", EventName = "FastForwardRecovery")]
    public static partial void FastForwardRecovery(ILogger logger);

    [LoggerMessage(1304, LogLevel.Debug, "Target {Target} is already stored and verified", EventName = "TargetCached")]
    public static partial void TargetCached(ILogger logger, string target);

    [LoggerMessage(1305, LogLevel.Information, "Downloaded and verified target {Target} ({Length} bytes, {Fetched} bytes fetched from the network)", EventName = "TargetDownloaded")]
    public static partial void TargetDownloaded(ILogger logger, string target, long length, long fetched);
}
