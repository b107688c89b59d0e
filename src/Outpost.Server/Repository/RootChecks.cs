using System.Globalization;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Server.Repository;

/// <summary>What a root upload must satisfy before the server publishes it (TUF 5.3.4, 5.3.5 from the server's side).</summary>
internal static class RootChecks
{
    public static Refusal? Check(TufMetadata<RootMetadata> candidate, TufMetadata<RootMetadata>? current, OnlineKeys keys, DateTimeOffset now)
    {
        var root = candidate.Signed;
        if (current is null && root.Version != 1)
        {
            return Refusal.Conflict(Invariant($"the first root must be version 1, got version {root.Version}"));
        }

        if (current is not null && root.Version != current.Signed.Version + 1)
        {
            var expected = current.Signed.Version + 1;
            var what = root.Version == current.Signed.Version ? "reuses the current version"
                : root.Version < current.Signed.Version ? "lowers the version" : "skips a version";
            return Refusal.Conflict(Invariant($"root version {root.Version} {what}: expected version {expected}"));
        }

        // TUF 5.3.4: a rotation needs a threshold of the CURRENT root's root keys...
        if (current is not null && !MeetsThreshold(candidate, current.Signed.Role(TufRoles.Root), current.Signed.Keys))
        {
            return Refusal.Unprocessable(Invariant(
                $"root version {root.Version} is not signed by a threshold ({current.Signed.Role(TufRoles.Root).Threshold}) of the root keys of the current root version {current.Signed.Version}"));
        }

        // ...and of its own root keys (for the first root: self-signed to threshold, TUF 5.2).
        if (!MeetsThreshold(candidate, root.Role(TufRoles.Root), root.Keys))
        {
            return Refusal.Unprocessable(Invariant(
                $"root version {root.Version} is not signed by a threshold ({root.Role(TufRoles.Root).Threshold}) of its own root keys"));
        }

        if (root.IsExpired(now))
        {
            return Refusal.Unprocessable($"root version {root.Version} expired at {root.Expires:O}");
        }

        if (!root.ConsistentSnapshot)
        {
            return Refusal.Unprocessable("consistent_snapshot must be true: this repository serves consistent snapshots only");
        }

        return ListsOnlineKey(root, TufRoles.Snapshot, keys.Snapshot) ?? ListsOnlineKey(root, TufRoles.Timestamp, keys.Timestamp);
    }

    private static bool MeetsThreshold(TufMetadata<RootMetadata> candidate, RoleKeys role, IReadOnlyDictionary<string, TufKey> keys) =>
        SignatureThreshold.CountValid(candidate.Envelope, role, keys) >= role.Threshold;

    // The server can only sign snapshot and timestamp with its own keys; a root naming others would freeze every device.
    private static Refusal? ListsOnlineKey(RootMetadata root, string role, TufSigningKey online)
    {
        var keys = root.Role(role);
        var listed = keys.KeyIds.Count == 1 && keys.KeyIds[0] == online.KeyId && keys.Threshold == 1
            && root.Keys.TryGetValue(online.KeyId, out var key) && key == online.PublicKey;
        return listed ? null : Refusal.Unprocessable(
            $"role '{role}' must list exactly the server's online {role} key {online.KeyId} with threshold 1 (GET /v1/tuf/online-keys)");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
