using Outpost.Protocol.Telemetry;

namespace Outpost.Server.Telemetry;

/// <summary>Telemetry events: ids 1700-1749.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1701, EventName = "TelemetryBatchStored", Level = LogLevel.Debug,
        Message = "Device {DeviceId} {Stream}: stored {Stored} records, ignored {Duplicates} duplicates, stored through {StoredThrough}")]
    public static partial void BatchStored(ILogger logger, string deviceId, TelemetryChannel stream, int stored, int duplicates, long storedThrough);

    [LoggerMessage(EventId = 1702, EventName = "TelemetryBatchRefused", Level = LogLevel.Warning,
        Message = "Refused a telemetry batch of device {DeviceId} with {Status}: {Reason}")]
    public static partial void BatchRefused(ILogger logger, string deviceId, int status, string reason);

    [LoggerMessage(EventId = 1703, EventName = "TelemetryCompacted", Level = LogLevel.Information,
        Message = "Telemetry compaction: {RolledUp} metric windows rolled up, {Deleted} expired, {Entries} events/logs deleted")]
    public static partial void Compacted(ILogger logger, long rolledUp, long deleted, long entries);

    [LoggerMessage(EventId = 1704, EventName = "TelemetryCompactionFailed", Level = LogLevel.Error,
        Message = "Telemetry compaction failed; it runs again at the next interval")]
    public static partial void CompactionFailed(ILogger logger, Exception exception);
}
