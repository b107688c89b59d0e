namespace Outpost.Server.Repository;

/// <summary>TUF repository events: ids 1600-1699.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1601, EventName = "TufOnlineKeyCreated", Level = LogLevel.Information,
        Message = "Created the online {Role} key {KeyId}")]
    public static partial void OnlineKeyCreated(ILogger logger, string role, string keyId);

    [LoggerMessage(EventId = 1602, EventName = "TufRootAccepted", Level = LogLevel.Information,
        Message = "Accepted root metadata version {Version}")]
    public static partial void RootAccepted(ILogger logger, long version);

    [LoggerMessage(EventId = 1603, EventName = "TufTargetsAccepted", Level = LogLevel.Information,
        Message = "Accepted targets metadata version {Version} with {Count} targets")]
    public static partial void TargetsAccepted(ILogger logger, long version, int count);

    [LoggerMessage(EventId = 1604, EventName = "TufMetadataRefused", Level = LogLevel.Warning,
        Message = "Refused {Role} metadata: {Reason}")]
    public static partial void MetadataRefused(ILogger logger, string role, string reason);

    [LoggerMessage(EventId = 1605, EventName = "TufOnlineMetadataSigned", Level = LogLevel.Information,
        Message = "Signed {Role} version {Version}, expires {Expires}")]
    public static partial void OnlineMetadataSigned(ILogger logger, string role, long version, DateTimeOffset expires);

    [LoggerMessage(EventId = 1606, EventName = "TufBlobStored", Level = LogLevel.Information,
        Message = "Stored blob {Sha256} ({Length} bytes)")]
    public static partial void BlobStored(ILogger logger, string sha256, long length);

    [LoggerMessage(EventId = 1607, EventName = "TufBlobRefused", Level = LogLevel.Warning,
        Message = "Refused blob upload {Sha256}: {Reason}")]
    public static partial void BlobRefused(ILogger logger, string sha256, string reason);

    [LoggerMessage(EventId = 1608, EventName = "TufRefreshFailed", Level = LogLevel.Error,
        Message = "Re-signing snapshot/timestamp failed; the next check retries")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
