namespace Outpost.Server.Certificates;

/// <summary>Certificate events: ids 1100-1199.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1101, EventName = "CaCreated", Level = LogLevel.Information,
        Message = "Created the fleet CA at {Path}")]
    public static partial void CaCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 1102, EventName = "ServerCertificateIssued", Level = LogLevel.Information,
        Message = "Issued the device-listener TLS certificate for {HostNames}, valid until {NotAfter}")]
    public static partial void ServerCertificateIssued(ILogger logger, string hostNames, DateTime notAfter);
}
