using Outpost.Server.Dashboard.Views;
using Outpost.Server.Repository;
using Outpost.Trust.Tuf;

namespace Outpost.Server.Dashboard;

/// <summary>The signing keys and metadata versions of the repository's current root and targets.</summary>
internal static class SigningViews
{
    // The operator's roles first, in the order they sign: root, targets; then the server's.
    private static readonly string[] Order = [TufRoles.Root, TufRoles.Targets, TufRoles.Snapshot, TufRoles.Timestamp];

    public static SigningView From(RepositoryState state)
    {
        var root = state.Root!.Signed;
        var targets = state.Targets!;
        var signers = targets.Envelope.Signatures.Select(s => s.KeyId).ToHashSet(StringComparer.Ordinal);
        var roles = Order.Where(root.Roles.ContainsKey).Select(role =>
        {
            var keys = root.Roles[role];
            return new SigningRoleView(
                role,
                keys.Threshold,
                role is TufRoles.Snapshot or TufRoles.Timestamp ? "this server (online)" : "operator (offline)",
                [.. keys.KeyIds.Select(id => root.Keys.TryGetValue(id, out var key)
                    ? new SigningKeyView(id, key.KeyType, key.Scheme, role == TufRoles.Targets && signers.Contains(id))
                    : new SigningKeyView(id, "(not listed)", "", false))]);
        });
        return new SigningView
        {
            RootVersion = root.Version,
            RootExpires = root.Expires,
            TargetsVersion = targets.Signed.Version,
            TargetsExpires = targets.Signed.Expires,
            SnapshotVersion = state.Snapshot?.Signed.Version,
            SnapshotExpires = state.Snapshot?.Signed.Expires,
            TimestampVersion = state.Timestamp?.Signed.Version,
            TimestampExpires = state.Timestamp?.Signed.Expires,
            Roles = [.. roles],
        };
    }
}
