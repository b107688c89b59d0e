namespace Outpost.Cli.Releases;

/// <summary>An artifact of a <see cref="ReleaseView"/> (see there why this is a CLI-side copy).</summary>
internal sealed record ReleaseArtifactView
{
    public required string Name { get; init; }

    public string Kind { get; init; } = "";

    public long Length { get; init; }

    public string Sha256 { get; init; } = "";
}
