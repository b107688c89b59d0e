using System.Collections.Concurrent;
using System.Security.Cryptography;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>
/// A TUF repository with consistent snapshots, laid out as files the way a static server publishes them:
/// "N.root.json" for every root version, "timestamp.json", "N.snapshot.json", "N.targets.json", and targets as
/// "dir/HASH.name". Tests change keys, versions or expiry, publish, and then tamper with single files.
/// </summary>
internal sealed class TufTestRepository
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<int, TufSigningKey> KeyCache = new();

    private readonly DateTimeOffset _defaultExpiry;

    /// <param name="consistentSnapshot">root's consistent_snapshot, and with it the file naming.</param>
    /// <param name="expires">Expiry of every role unless set in <see cref="Expires"/>; default 30 days after <see cref="Now"/>.</param>
    public TufTestRepository(bool consistentSnapshot = true, DateTimeOffset? expires = null)
    {
        ConsistentSnapshot = consistentSnapshot;
        _defaultExpiry = expires ?? Now.AddDays(30);
        Keys[TufRoles.Root] = [Key(0), Key(1)];
        Keys[TufRoles.Targets] = [Key(10)];
        Keys[TufRoles.Snapshot] = [Key(20)];
        Keys[TufRoles.Timestamp] = [Key(30)];
        Thresholds[TufRoles.Root] = 2;
        PublishRoot();
        Publish();
    }

    public Dictionary<string, List<TufSigningKey>> Keys { get; } = new();

    public Dictionary<string, int> Thresholds { get; } = new() { ["targets"] = 1, ["snapshot"] = 1, ["timestamp"] = 1 };

    public Dictionary<string, DateTimeOffset> Expires { get; } = new();

    public long RootVersion { get; private set; }

    public long TimestampVersion { get; set; }

    public long SnapshotVersion { get; set; }

    public long TargetsVersion { get; set; }

    public bool ConsistentSnapshot { get; }

    public Dictionary<string, byte[]> Artifacts { get; } = new(StringComparer.Ordinal)
    {
        ["releases/app/1.0.0/app.tar.gz"] = "the application, version one"u8.ToArray(),
    };

    /// <summary>One optional delegated targets role (top-level targets delegates to it): its name, key, paths and files.</summary>
    public (string Name, TufSigningKey Key, string[] Paths, Dictionary<string, byte[]> Artifacts)? Delegation { get; set; }

    /// <summary>Metadata files by name as served under the metadata URL.</summary>
    public ConcurrentDictionary<string, byte[]> MetadataFiles { get; } = new(StringComparer.Ordinal);

    /// <summary>Target files by URL path as served under the target base URL.</summary>
    public ConcurrentDictionary<string, byte[]> TargetFiles { get; } = new(StringComparer.Ordinal);

    public byte[] Root(long version) => MetadataFiles[$"{version}.root.json"];

    public byte[] Timestamp => MetadataFiles["timestamp.json"];

    public static TufSigningKey Key(int index) => KeyCache.GetOrAdd(index, _ => TufSigningKey.Generate(TufSchemes.Ed25519));

    /// <summary>Root version + 1 with the current keys, signed by them and by <paramref name="previousRootKeys"/>.</summary>
    public byte[] PublishRoot(IEnumerable<TufSigningKey>? previousRootKeys = null, IEnumerable<TufSigningKey>? signers = null)
    {
        RootVersion++;
        var bytes = MetadataSigner.Sign(RootSigned(), signers ?? Keys[TufRoles.Root].Concat(previousRootKeys ?? []).DistinctBy(k => k.KeyId));
        MetadataFiles[$"{RootVersion}.root.json"] = bytes;
        return bytes;
    }

    /// <summary>Replaces the root keys (5.3.4 chain): the new root is signed by the old and the new root keys.</summary>
    public void RotateRootKeys(params TufSigningKey[] newKeys)
    {
        var old = Keys[TufRoles.Root];
        Keys[TufRoles.Root] = [.. newKeys];
        Thresholds[TufRoles.Root] = newKeys.Length;
        PublishRoot(old);
    }

    public RootMetadata RootSigned()
    {
        var keys = Keys.Values.SelectMany(k => k).DistinctBy(k => k.KeyId).ToDictionary(k => k.KeyId, k => k.PublicKey);
        var roles = Keys.ToDictionary(r => r.Key, r => new RoleKeys(r.Value.Select(k => k.KeyId).ToList(), Thresholds[r.Key]));
        return new RootMetadata(TufSigned.CurrentSpecVersion, RootVersion, ExpiryOf(TufRoles.Root), ConsistentSnapshot, keys, roles);
    }

    /// <summary>Targets, snapshot and timestamp, each one version up, and the target files.</summary>
    public void Publish()
    {
        TargetsVersion++;
        SnapshotVersion++;
        TimestampVersion++;
        var files = Artifacts.ToDictionary(a => a.Key, a => FileFor(a.Value), StringComparer.Ordinal);
        Delegations? delegations = null;
        var meta = new Dictionary<string, MetaFile>();
        if (Delegation is var (name, key, paths, delegatedArtifacts))
        {
            delegations = new Delegations(new Dictionary<string, TufKey> { [key.KeyId] = key.PublicKey },
                [new DelegatedRole(name, new RoleKeys([key.KeyId], 1), false, paths)]);
            var delegated = MetadataSigner.Sign(new TargetsMetadata(TufSigned.CurrentSpecVersion, TargetsVersion, ExpiryOf(TufRoles.Targets),
                delegatedArtifacts.ToDictionary(a => a.Key, a => FileFor(a.Value), StringComparer.Ordinal)), [key]);
            MetadataFiles[Name(name, TargetsVersion)] = delegated;
            meta[name + ".json"] = new MetaFile(TargetsVersion);
            foreach (var (path, content) in delegatedArtifacts)
            {
                TargetFiles[TargetUrlPath(path, content)] = content;
            }
        }

        var targets = MetadataSigner.Sign(
            new TargetsMetadata(TufSigned.CurrentSpecVersion, TargetsVersion, ExpiryOf(TufRoles.Targets), files, delegations), Keys[TufRoles.Targets]);
        MetadataFiles[Name(TufRoles.Targets, TargetsVersion)] = targets;
        foreach (var (path, content) in Artifacts)
        {
            TargetFiles[TargetUrlPath(path, content)] = content;
        }

        meta["targets.json"] = new MetaFile(TargetsVersion, targets.Length, Sha256(targets));
        PublishSnapshot(meta);
    }

    /// <summary>A new snapshot listing only <paramref name="targetsMeta"/>, and a new timestamp over it.</summary>
    public void PublishSnapshot(MetaFile targetsMeta, long? version = null) =>
        PublishSnapshot(new Dictionary<string, MetaFile> { ["targets.json"] = targetsMeta }, version);

    public void PublishSnapshot(Dictionary<string, MetaFile> meta, long? version = null)
    {
        var snapshot = MetadataSigner.Sign(
            new SnapshotMetadata(TufSigned.CurrentSpecVersion, version ?? SnapshotVersion, ExpiryOf(TufRoles.Snapshot), meta), Keys[TufRoles.Snapshot]);
        MetadataFiles[Name(TufRoles.Snapshot, version ?? SnapshotVersion)] = snapshot;
        PublishTimestamp(new MetaFile(version ?? SnapshotVersion, snapshot.Length, Sha256(snapshot)));
    }

    public void PublishTimestamp(MetaFile snapshotMeta, long? version = null)
    {
        MetadataFiles["timestamp.json"] = MetadataSigner.Sign(
            new TimestampMetadata(TufSigned.CurrentSpecVersion, version ?? TimestampVersion, ExpiryOf(TufRoles.Timestamp), snapshotMeta),
            Keys[TufRoles.Timestamp]);
    }

    /// <summary>Serves <paramref name="bytes"/> as the current targets file and re-signs snapshot and timestamp over it.</summary>
    public void ReplaceTargets(byte[] bytes)
    {
        MetadataFiles[Name(TufRoles.Targets, TargetsVersion)] = bytes;
        PublishSnapshot(new MetaFile(TargetsVersion, bytes.Length, Sha256(bytes)));
    }

    /// <summary>The file with only the first <paramref name="keep"/> signatures (a stripped or partly signed file).</summary>
    public static byte[] KeepSignatures(byte[] file, int keep)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(file)!.AsObject();
        var signatures = json["signatures"]!.AsArray();
        while (signatures.Count > keep)
        {
            signatures.RemoveAt(signatures.Count - 1);
        }

        return System.Text.Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    public string TargetUrlPath(string path, byte[] content)
    {
        if (!ConsistentSnapshot)
        {
            return path;
        }

        var slash = path.LastIndexOf('/');
        return $"{path[..(slash + 1)]}{Convert.ToHexStringLower(SHA256.HashData(content))}.{path[(slash + 1)..]}";
    }

    public string Name(string role, long version) => ConsistentSnapshot ? $"{version}.{role}.json" : $"{role}.json";

    public static TargetFile FileFor(byte[] content) => new(content.Length, Sha256(content));

    private static Dictionary<string, string> Sha256(byte[] content) =>
        new() { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)) };

    private DateTimeOffset ExpiryOf(string role) => Expires.GetValueOrDefault(role, _defaultExpiry);
}
