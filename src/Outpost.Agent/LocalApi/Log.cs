using Microsoft.Extensions.Logging;

namespace Outpost.Agent.LocalApi;

/// <summary>Local API events: ids 1750-1799.</summary>
internal static partial class Log
{
    [LoggerMessage(1750, LogLevel.Information, "Local API listening on {Endpoint}", EventName = "LocalApiListening")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(1751, LogLevel.Error, "Local API cannot listen on {Endpoint}: {Reason}", EventName = "LocalApiListenFailed")]
    public static partial void ListenFailed(ILogger logger, string endpoint, string reason);

    [LoggerMessage(1752, LogLevel.Error, "Local API cannot store suppressed-log counts: {Reason}", EventName = "LocalApiReportFailed")]
    public static partial void ReportFailed(ILogger logger, string reason);
}
