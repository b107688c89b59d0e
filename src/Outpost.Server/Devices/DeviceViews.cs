using System.Text.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Storage;

namespace Outpost.Server.Devices;

internal static class DeviceViews
{
    public static DeviceView ToView(this DeviceRecord device, DateTimeOffset onlineSince, bool withSystem) => new()
    {
        Id = device.Id,
        Hostname = device.Hostname,
        Site = device.Site,
        Tags = device.Tags,
        Status = DeviceStatusRules.StatusOf(device, onlineSince),
        DeviceClass = device.DeviceClass,
        AgentVersion = device.AgentVersion,
        EnrolledAt = device.EnrolledAt,
        LastSeenAt = device.LastSeenAt,
        RevokedAt = device.RevokedAt,
        CertificateNotAfter = device.CertificateNotAfter,
        CertificateSerial = device.CertificateSerial,
        System = withSystem && device.SystemJson is not null
            ? JsonSerializer.Deserialize(device.SystemJson, OutpostJsonContext.Default.SystemSnapshot)
            : null,
        DesiredRelease = device.DesiredRelease,
        Update = device.UpdateJson is null ? null : JsonSerializer.Deserialize(device.UpdateJson, OutpostJsonContext.Default.UpdateReport),
        CurrentRelease = device.CurrentRelease,
        PreviousRelease = device.PreviousRelease,
    };
}
