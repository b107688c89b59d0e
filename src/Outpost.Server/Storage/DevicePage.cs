namespace Outpost.Server.Storage;

internal sealed record DevicePage(IReadOnlyList<DeviceRecord> Items, int Total);
