namespace Outpost.Server.Rollouts;

/// <summary>Rollout events: ids 2500-2599.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2501, EventName = "RolloutDecision", Level = LogLevel.Information,
        Message = "Rollout {RolloutId}: {Action}: {Reason}")]
    public static partial void Decision(ILogger logger, string rolloutId, string action, string reason);

    [LoggerMessage(EventId = 2502, EventName = "RolloutAdvanceFailed", Level = LogLevel.Error,
        Message = "Advancing rollout {RolloutId} failed; the next tick retries from the stored state")]
    public static partial void AdvanceFailed(ILogger logger, Exception exception, string rolloutId);

    [LoggerMessage(EventId = 2503, EventName = "RolloutCreated", Level = LogLevel.Information,
        Message = "Rollout {RolloutId} of {Release} over {Devices} devices created by {CallerId}")]
    public static partial void Created(ILogger logger, string rolloutId, string release, int devices, string callerId);

    [LoggerMessage(EventId = 2504, EventName = "RolloutConcurrentChange", Level = LogLevel.Debug,
        Message = "Rollout {RolloutId} changed while the engine stepped it; the next tick starts from the new state")]
    public static partial void ConcurrentChange(ILogger logger, string rolloutId);

    [LoggerMessage(EventId = 2505, EventName = "RolloutDesiredReleasesSet", Level = LogLevel.Debug,
        Message = "Rollout {RolloutId}: desired release of {Count} devices set to {Release}")]
    public static partial void DesiredSet(ILogger logger, string rolloutId, int count, string release);

    [LoggerMessage(EventId = 2506, EventName = "RolloutTickFailed", Level = LogLevel.Error,
        Message = "A rollout engine tick failed; the next tick retries")]
    public static partial void TickFailed(ILogger logger, Exception exception);
}
