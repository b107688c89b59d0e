namespace Outpost.Server.Hosting;

/// <summary>Hosting events: ids 1500-1599.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1501, EventName = "ServerReady", Level = LogLevel.Information,
        Message = "Outpost server ready: device API {DeviceUrl}, admin API {AdminUrl}, data folder {DataDirectory}")]
    public static partial void Ready(ILogger logger, string deviceUrl, string adminUrl, string dataDirectory);
}
