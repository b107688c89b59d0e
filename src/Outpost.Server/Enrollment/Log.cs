namespace Outpost.Server.Enrollment;

/// <summary>Enrollment events: ids 1200-1299.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1201, EventName = "EnrollmentRefused", Level = LogLevel.Warning,
        Message = "Refused enrollment from {Remote}: {Reason}")]
    public static partial void EnrollmentRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 1202, EventName = "DeviceEnrolled", Level = LogLevel.Information,
        Message = "Enrolled device {DeviceId} (site {Site}) with token {TokenId}, certificate {Serial} valid until {NotAfter}")]
    public static partial void DeviceEnrolled(ILogger logger, string deviceId, string site, string tokenId, string serial, DateTimeOffset notAfter);

    [LoggerMessage(EventId = 1203, EventName = "EnrollmentTokenCreated", Level = LogLevel.Information,
        Message = "Enrollment token {TokenId} for site {Site} ({MaxUses} uses) created by {CallerId}")]
    public static partial void TokenCreated(ILogger logger, string tokenId, string site, int maxUses, string callerId);

    [LoggerMessage(EventId = 1204, EventName = "EnrollmentTokenRevoked", Level = LogLevel.Information,
        Message = "Enrollment token {TokenId} revoked by {CallerId}")]
    public static partial void TokenRevoked(ILogger logger, string tokenId, string callerId);
}
