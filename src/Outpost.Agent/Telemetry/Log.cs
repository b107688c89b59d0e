using Microsoft.Extensions.Logging;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry;

/// <summary>Telemetry events (outbox, uploader, metrics): ids 1700-1749.</summary>
internal static partial class Log
{
    [LoggerMessage(1700, LogLevel.Information, "Telemetry outbox open at {Path}: {Events} events, {Metrics} metrics, {Logs} logs pending", EventName = "OutboxOpened")]
    public static partial void OutboxOpened(ILogger logger, string path, long events, long metrics, long logs);

    [LoggerMessage(1701, LogLevel.Debug, "Uploaded {Records} {Channel} records ({Bytes} bytes gzip) in {Elapsed}; stored through {StoredThrough}", EventName = "BatchUploaded")]
    public static partial void BatchUploaded(ILogger logger, int records, TelemetryChannel channel, int bytes, TimeSpan elapsed, long storedThrough);

    [LoggerMessage(1702, LogLevel.Warning, "Telemetry upload failed (attempt {Attempt}): {Detail}; retrying in {Delay}", EventName = "UploadUnavailable")]
    public static partial void UploadUnavailable(ILogger logger, int attempt, string? detail, TimeSpan delay);

    [LoggerMessage(1703, LogLevel.Warning, "The server refused a batch of {Records} {Channel} records ({Detail}); retrying with a smaller batch", EventName = "BatchRefused")]
    public static partial void BatchRefused(ILogger logger, int records, TelemetryChannel channel, string? detail);

    [LoggerMessage(1704, LogLevel.Error, "The server refuses {Channel} record {Sequence} on its own ({Detail}); dropped and counted", EventName = "PoisonRecordDropped")]
    public static partial void PoisonRecordDropped(ILogger logger, TelemetryChannel channel, long sequence, string? detail);

    [LoggerMessage(1705, LogLevel.Warning, "The server has {Channel} records through {StoredThrough}, past anything this outbox issued (outbox reset?); {Pending} pending records renumbered after it", EventName = "OutboxRenumbered")]
    public static partial void OutboxRenumbered(ILogger logger, TelemetryChannel channel, long storedThrough, long pending);

    [LoggerMessage(1706, LogLevel.Warning, "Telemetry outbox dropped data: {Events} outbox.dropped events recorded", EventName = "OutboxDropped")]
    public static partial void OutboxDropped(ILogger logger, int events);

    [LoggerMessage(1707, LogLevel.Error, "Telemetry outbox failure: {Reason}", EventName = "OutboxFailed")]
    public static partial void OutboxFailed(ILogger logger, string reason);

    [LoggerMessage(1708, LogLevel.Critical, "Telemetry upload refused: device revoked ({Detail}); asking again in {Delay}", EventName = "UploadRevoked")]
    public static partial void UploadRevoked(ILogger logger, string? detail, TimeSpan delay);

    [LoggerMessage(1709, LogLevel.Warning, "System metrics sample failed: {Reason}", EventName = "SampleFailed")]
    public static partial void SampleFailed(ILogger logger, string reason);
}
