namespace Outpost.Server.Dashboard.Views;

/// <summary>One release of the TUF repository as the releases page lists it.</summary>
public sealed record ReleaseRowView
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string DeviceClass { get; init; }

    public required int ArtifactCount { get; init; }

    public required long TotalBytes { get; init; }

    /// <summary>Devices (not revoked) reporting this release as their current one.</summary>
    public required int Running { get; init; }

    /// <summary>Devices (not revoked) whose desired release this is.</summary>
    public required int Desired { get; init; }

    /// <summary>The first targets metadata version that listed the release; null when its file is missing.</summary>
    public long? PublishedInTargets { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public string Id => $"{Name}@{Version}";
}
