namespace Outpost.Cli.Releases;

/// <summary>One blob of a staged release: the target path it is listed under and the local file holding its bytes.</summary>
internal sealed record StagedArtifact
{
    public required string TargetPath { get; init; }

    public required string Kind { get; init; }

    public required string Source { get; init; }

    public required long Length { get; init; }

    public required string Sha256 { get; init; }
}
