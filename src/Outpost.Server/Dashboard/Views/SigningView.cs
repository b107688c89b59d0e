namespace Outpost.Server.Dashboard.Views;

/// <summary>The trust behind every release: the current root's roles and keys, and the versions and expiry of the metadata.</summary>
public sealed record SigningView
{
    public required long RootVersion { get; init; }

    public required DateTimeOffset RootExpires { get; init; }

    public required long TargetsVersion { get; init; }

    public required DateTimeOffset TargetsExpires { get; init; }

    public long? SnapshotVersion { get; init; }

    public DateTimeOffset? SnapshotExpires { get; init; }

    public long? TimestampVersion { get; init; }

    public DateTimeOffset? TimestampExpires { get; init; }

    public required IReadOnlyList<SigningRoleView> Roles { get; init; }
}
