using Microsoft.Extensions.Logging;

namespace Outpost.Server.Storage;

/// <summary>Storage events: ids 1000-1099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, EventName = "MigrationApplied", Level = LogLevel.Information,
        Message = "Applied database migration {Version} ({Name})")]
    public static partial void MigrationApplied(ILogger logger, long version, string name);

    [LoggerMessage(EventId = 1002, EventName = "StorageOpened", Level = LogLevel.Information,
        Message = "Storage provider {Provider} ready")]
    public static partial void StorageOpened(ILogger logger, string provider);
}
