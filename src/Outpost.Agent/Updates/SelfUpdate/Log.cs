using Microsoft.Extensions.Logging;

namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>Agent self-update events: ids 1900-1999.</summary>
internal static partial class Log
{
    [LoggerMessage(1900, LogLevel.Information, "Trying agent binary of {Release}", EventName = "AgentTrialStarted")]
    public static partial void TrialStarted(ILogger logger, string release);

    [LoggerMessage(1901, LogLevel.Information, "Agent binary of {Release} passed its trial; it starts at the next restart (unconfirmed until it checks in)", EventName = "AgentTrialPassed")]
    public static partial void TrialPassed(ILogger logger, string release);

    [LoggerMessage(1902, LogLevel.Warning, "Agent binary of {Release} failed its trial: {Reason}", EventName = "AgentTrialFailed")]
    public static partial void TrialFailed(ILogger logger, string release, string reason);

    [LoggerMessage(1903, LogLevel.Information, "Handing over to the new agent binary: stopping so the service manager starts it", EventName = "AgentHandOver")]
    public static partial void HandOver(ILogger logger);

    [LoggerMessage(1904, LogLevel.Information, "Agent binary of {Release} checked in after its start: confirmed", EventName = "AgentConfirmed")]
    public static partial void Confirmed(ILogger logger, string release);

    [LoggerMessage(1905, LogLevel.Warning, "The watchdog reverted the agent binary of {Release}: {Reason}", EventName = "AgentReverted")]
    public static partial void Reverted(ILogger logger, string release, string reason);
}
