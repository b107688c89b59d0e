namespace Outpost.Cli.Releases;

/// <summary>
/// One entry of GET /v1/releases. CLI-side copy of the contract's ReleaseView, which the server helper adds to
/// Outpost.Protocol/Releases in parallel; switch to that record once both are merged.
/// </summary>
internal sealed record ReleaseView
{
    public required string Name { get; init; }

    public required string Version { get; init; }

    public string DeviceClass { get; init; } = "";

    public IReadOnlyList<ReleaseArtifactView> Artifacts { get; init; } = [];

    public long TargetsVersion { get; init; }
}
