using Outpost.Protocol.Admin;
using Outpost.Server.Storage;

namespace Outpost.Server.Devices;

internal static class DeviceStatusRules
{
    /// <summary>Online = checked in within two intervals plus grace: one missed check-in is not an outage.</summary>
    public static DateTimeOffset OnlineSince(DateTimeOffset now, DevicesOptions options) => now - options.OfflineAfter;

    public static DeviceStatus StatusOf(DeviceRecord device, DateTimeOffset onlineSince) =>
        device.RevokedAt is not null ? DeviceStatus.Revoked
        : device.LastSeenAt >= onlineSince ? DeviceStatus.Online
        : DeviceStatus.Offline;
}
