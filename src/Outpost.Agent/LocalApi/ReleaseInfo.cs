namespace Outpost.Agent.LocalApi;

/// <summary><c>GET /v1/release</c>: the release the workloads run from, its folder and the paths of its artifacts.</summary>
internal sealed record ReleaseInfo
{
    public required string ReleaseId { get; init; }

    public required string Folder { get; init; }

    public string? AppPath { get; init; }

    public string? ModelPath { get; init; }

    public string? ConfigPath { get; init; }

    public required IReadOnlyList<ReleaseArtifactInfo> Artifacts { get; init; }
}
