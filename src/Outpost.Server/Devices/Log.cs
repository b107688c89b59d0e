namespace Outpost.Server.Devices;

/// <summary>Device API events: ids 1300-1399.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1301, EventName = "DeviceRequestRefused", Level = LogLevel.Warning,
        Message = "Refused device request {Path} from {Remote} (certificate subject {Subject}): {Reason}")]
    public static partial void DeviceRefused(ILogger logger, string path, string remote, string subject, string reason);

    [LoggerMessage(EventId = 1302, EventName = "CertificateRenewed", Level = LogLevel.Information,
        Message = "Renewed the certificate of device {DeviceId}: serial {Serial} valid until {NotAfter}")]
    public static partial void CertificateRenewed(ILogger logger, string deviceId, string serial, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 1303, EventName = "DeviceRevoked", Level = LogLevel.Information,
        Message = "Device {DeviceId} revoked by {CallerId}")]
    public static partial void DeviceRevoked(ILogger logger, string deviceId, string callerId);

    [LoggerMessage(EventId = 1304, EventName = "CheckInFlushFailed", Level = LogLevel.Error,
        Message = "Writing {Count} buffered check-ins failed; they stay buffered for the next flush")]
    public static partial void FlushFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 1305, EventName = "CheckInsFlushed", Level = LogLevel.Debug,
        Message = "Wrote {Count} buffered check-ins")]
    public static partial void Flushed(ILogger logger, int count);

    [LoggerMessage(EventId = 1306, EventName = "DesiredReleaseSet", Level = LogLevel.Information,
        Message = "Desired release of device {DeviceId} set to {Release} by {CallerId}")]
    public static partial void DesiredReleaseSet(ILogger logger, string deviceId, string release, string callerId);
}
