namespace Outpost.Server.Admin;

/// <summary>Admin API events: ids 1400-1499.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1401, EventName = "AdminRequestRefused", Level = LogLevel.Warning,
        Message = "Refused admin request {Path} from {Remote}: {Reason}")]
    public static partial void AdminRefused(ILogger logger, string path, string remote, string reason);

    [LoggerMessage(EventId = 1402, EventName = "InitialAdminTokenCreated", Level = LogLevel.Information,
        Message = "Created the initial admin token {TokenId}")]
    public static partial void InitialAdminTokenCreated(ILogger logger, string tokenId);

    [LoggerMessage(EventId = 1403, EventName = "AdminTokenCreated", Level = LogLevel.Information,
        Message = "Admin token {TokenId} ({Name}, role {Role}) created by {CallerId}")]
    public static partial void AdminTokenCreated(ILogger logger, string tokenId, string name, string role, string callerId);

    [LoggerMessage(EventId = 1404, EventName = "AdminTokenRevoked", Level = LogLevel.Information,
        Message = "Admin token {TokenId} revoked by {CallerId}")]
    public static partial void AdminTokenRevoked(ILogger logger, string tokenId, string callerId);
}
