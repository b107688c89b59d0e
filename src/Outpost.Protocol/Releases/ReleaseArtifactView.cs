namespace Outpost.Protocol.Releases;

/// <summary>One artifact target of a release (the manifest target release.json is not listed).</summary>
public sealed record ReleaseArtifactView
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required long Length { get; init; }

    public required string Sha256 { get; init; }
}
