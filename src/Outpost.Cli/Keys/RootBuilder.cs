using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Cli.Keys;

/// <summary>Root metadata (TUF 4.3) as the CLI writes it: consistent snapshots, one entry per distinct key.</summary>
internal static class RootBuilder
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);

    public static RootMetadata Initial(
        DateTimeOffset now,
        IReadOnlyList<TufKey> rootKeys,
        int rootThreshold,
        IReadOnlyList<TufKey> targetsKeys,
        int targetsThreshold,
        OnlineKeys online)
    {
        ArgumentNullException.ThrowIfNull(online);
        var keys = new Dictionary<string, TufKey>(StringComparer.Ordinal);
        var roles = new Dictionary<string, RoleKeys>(StringComparer.Ordinal)
        {
            [TufRoles.Root] = Role(keys, rootKeys, rootThreshold),
            [TufRoles.Targets] = Role(keys, targetsKeys, targetsThreshold),
            [TufRoles.Snapshot] = Role(keys, [online.Snapshot], 1),
            [TufRoles.Timestamp] = Role(keys, [online.Timestamp], 1),
        };
        return new RootMetadata(TufSigned.CurrentSpecVersion, 1, Expiry(now), ConsistentSnapshot: true, keys, roles);
    }

    /// <summary>Version N+1 with new root keys; the other roles and their keys stay as they are.</summary>
    public static RootMetadata Rotated(DateTimeOffset now, RootMetadata current, IReadOnlyList<TufKey> rootKeys, int rootThreshold)
    {
        ArgumentNullException.ThrowIfNull(current);
        var keys = new Dictionary<string, TufKey>(StringComparer.Ordinal);
        var roles = new Dictionary<string, RoleKeys>(StringComparer.Ordinal)
        {
            [TufRoles.Root] = Role(keys, rootKeys, rootThreshold),
        };
        foreach (var (name, role) in current.Roles.Where(r => r.Key != TufRoles.Root))
        {
            roles[name] = role;
            foreach (var keyId in role.KeyIds)
            {
                keys[keyId] = current.Keys[keyId];
            }
        }

        return new RootMetadata(TufSigned.CurrentSpecVersion, current.Version + 1, Expiry(now), ConsistentSnapshot: true, keys, roles);
    }

    /// <summary>Whole seconds: TUF's expires format has no fraction.</summary>
    public static DateTimeOffset Expiry(DateTimeOffset now, TimeSpan? lifetime = null)
    {
        var expires = now.ToUniversalTime() + (lifetime ?? Lifetime);
        return expires.AddTicks(-(expires.Ticks % TimeSpan.TicksPerSecond));
    }

    private static RoleKeys Role(Dictionary<string, TufKey> keys, IReadOnlyList<TufKey> roleKeys, int threshold)
    {
        var ids = new List<string>();
        foreach (var key in roleKeys)
        {
            var id = key.ComputeKeyId();
            keys[id] = key;
            ids.Add(id);
        }

        return new RoleKeys(ids, threshold);
    }
}
