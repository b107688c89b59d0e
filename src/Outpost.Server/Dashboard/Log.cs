namespace Outpost.Server.Dashboard;

/// <summary>Dashboard events: ids 2600-2699.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2601, EventName = "DashboardLogin", Level = LogLevel.Information,
        Message = "Dashboard login as admin token {TokenId} ({Name}, role {Role}) from {Remote}")]
    public static partial void Login(ILogger logger, string tokenId, string name, Outpost.Protocol.Admin.AdminRole role, string remote);

    [LoggerMessage(EventId = 2602, EventName = "DashboardLoginRefused", Level = LogLevel.Warning,
        Message = "Refused dashboard login from {Remote}: {Reason}")]
    public static partial void LoginRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(EventId = 2603, EventName = "DashboardRequestRefused", Level = LogLevel.Warning,
        Message = "Refused dashboard request {Method} {Path} from {Remote}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string path, string remote, string reason);

    [LoggerMessage(EventId = 2604, EventName = "DashboardAction", Level = LogLevel.Information,
        Message = "Dashboard action {Action} on {Subject} by admin token {TokenId}")]
    public static partial void Action(ILogger logger, string action, string subject, string tokenId);
}
