using Outpost.Protocol.Releases;

namespace Outpost.Server.Dashboard.Views;

/// <summary>Everything the release page shows about one release.</summary>
public sealed record ReleaseDetailView
{
    public required ReleaseView Release { get; init; }

    public required ReleaseRowView Row { get; init; }

    /// <summary>The manifest's workload spec, indented JSON; null when the release has none (or its manifest is unreadable).</summary>
    public string? Workload { get; init; }

    public required SigningView Signing { get; init; }

    /// <summary>The first page of devices running the release (see <see cref="ReleaseRowView.Running"/> for the total).</summary>
    public required IReadOnlyList<ReleaseDeviceView> Devices { get; init; }

    public required IReadOnlyList<ReleaseRolloutView> Rollouts { get; init; }

    public string Id => Release.Name + "@" + Release.Version;

    public string ArtifactPath(ReleaseArtifactView artifact) => $"releases/{Release.Name}/{Release.Version}/{artifact.Name}";
}
