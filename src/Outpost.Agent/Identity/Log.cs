using Microsoft.Extensions.Logging;
using Outpost.Agent.Sync;

namespace Outpost.Agent.Identity;

/// <summary>Identity events: ids 1100-1199.</summary>
internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Information, "Renewing certificate of device {DeviceId} (expires {NotAfter:o})", EventName = "RenewalStarted")]
    public static partial void RenewalStarted(ILogger logger, string deviceId, DateTime notAfter);

    [LoggerMessage(1101, LogLevel.Information, "Renewed certificate of device {DeviceId}; new certificate expires {NotAfter:o}", EventName = "Renewed")]
    public static partial void Renewed(ILogger logger, string deviceId, DateTime notAfter);

    [LoggerMessage(1102, LogLevel.Warning, "Certificate renewal failed ({Status}): {Detail}; will retry, current certificate expires {NotAfter:o}", EventName = "RenewalFailed")]
    public static partial void RenewalFailed(ILogger logger, DeviceCallStatus status, string detail, DateTime notAfter);

    [LoggerMessage(1103, LogLevel.Error, "Refusing the renewed certificate: {Reason}", EventName = "RenewalRejected")]
    public static partial void RenewalRejected(ILogger logger, string reason);
}
