namespace Outpost.Server.Storage;

/// <summary>What one check-in changes on a device row; coalesced per device by the write-behind buffer.</summary>
internal sealed record DeviceCheckIn(
    string DeviceId, DateTimeOffset SeenAt, string AgentVersion, string DeviceClass, string SystemJson, string? UpdateJson = null,
    string? CurrentRelease = null, string? PreviousRelease = null);
