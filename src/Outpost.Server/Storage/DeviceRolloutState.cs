namespace Outpost.Server.Storage;

/// <summary>The columns of a device row that rollouts read: targeting, liveness and what it runs and reports.</summary>
internal sealed record DeviceRolloutState(
    string Id,
    string Site,
    IReadOnlyList<string> Tags,
    string? DeviceClass,
    DateTimeOffset? LastSeenAt,
    DateTimeOffset? RevokedAt,
    string? DesiredRelease,
    string? CurrentRelease,
    string? UpdateJson);
