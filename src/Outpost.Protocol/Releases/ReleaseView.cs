namespace Outpost.Protocol.Releases;

/// <summary>
/// A release as the server reads it from the current offline-signed targets metadata (GET /v1/releases). A view
/// for operators only: devices trust the signed metadata, never this list.
/// </summary>
public sealed record ReleaseView
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public required string DeviceClass { get; init; }

    public IReadOnlyList<ReleaseArtifactView> Artifacts { get; set; } = [];

    /// <summary>The version of the targets metadata the list was read from.</summary>
    public required long TargetsVersion { get; init; }
}
