namespace Outpost.Server.Alerts;

/// <summary>Alert events: ids 2000-2099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, EventName = "AlertFired", Level = LogLevel.Information,
        Message = "Alert {Rule} fired for {Fingerprint}: {Summary}")]
    public static partial void AlertFired(ILogger logger, string rule, string fingerprint, string summary);

    [LoggerMessage(EventId = 2002, EventName = "AlertResolved", Level = LogLevel.Information,
        Message = "Alert {AlertId} resolved")]
    public static partial void AlertResolved(ILogger logger, string alertId);

    [LoggerMessage(EventId = 2003, EventName = "AlertRuleFailed", Level = LogLevel.Warning,
        Message = "Alert rule {Rule} failed; its alerts keep their state until it evaluates again")]
    public static partial void RuleFailed(ILogger logger, Exception exception, string rule);

    [LoggerMessage(EventId = 2004, EventName = "AlertEvaluationFailed", Level = LogLevel.Error,
        Message = "Alert evaluation failed; retrying at the next interval")]
    public static partial void EvaluationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2005, EventName = "AlertDeliveryRetry", Level = LogLevel.Warning,
        Message = "Delivering {Count} alerts to {Url} failed (attempt {Attempt} of {MaxAttempts}): {Reason}")]
    public static partial void DeliveryAttemptFailed(ILogger logger, int count, string url, int attempt, int maxAttempts, string reason);

    [LoggerMessage(EventId = 2006, EventName = "AlertDeliveryFailed", Level = LogLevel.Warning,
        Message = "Gave up delivering {Count} alerts to {Url} this round; the next round sends them again")]
    public static partial void DeliveryFailed(ILogger logger, int count, string url);

    [LoggerMessage(EventId = 2007, EventName = "AlertsDelivered", Level = LogLevel.Debug,
        Message = "Delivered {Count} alerts to {Url}")]
    public static partial void Delivered(ILogger logger, int count, string url);

    [LoggerMessage(EventId = 2008, EventName = "AlertDeliveryRoundFailed", Level = LogLevel.Warning,
        Message = "Reading the alerts to deliver failed; the next round tries again")]
    public static partial void DeliveryRoundFailed(ILogger logger, Exception exception);
}
