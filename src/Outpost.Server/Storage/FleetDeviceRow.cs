namespace Outpost.Server.Storage;

internal sealed record FleetDeviceRow(string Id, string Site, DateTimeOffset? LastSeenAt, string? CurrentRelease);
