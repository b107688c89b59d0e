using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Server.Repository;

/// <summary>The current metadata of each role, swapped as one immutable value so readers never see a half-applied push.</summary>
internal sealed record RepositoryState(
    TufMetadata<RootMetadata>? Root,
    TufMetadata<TargetsMetadata>? Targets,
    TufMetadata<SnapshotMetadata>? Snapshot,
    TufMetadata<TimestampMetadata>? Timestamp)
{
    public static RepositoryState Empty { get; } = new(null, null, null, null);
}
