using System.Security.Cryptography;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Trust.Tests.Tuf.Builder;

/// <summary>
/// An in-memory TUF repository for tests: set roles' keys, versions, targets and delegations, then
/// <see cref="Publish"/> signs everything consistently. Tests then tamper with single files to stage attacks.
/// </summary>
internal sealed class TestRepository
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    public TestRepository()
    {
        // One scheme per role so every scheme is exercised by the client flow.
        Keys[TufRoles.Root] = [TestKeys.Get(TufSchemes.Ed25519, 0), TestKeys.Get(TufSchemes.EcdsaP256, 0)];
        Keys[TufRoles.Targets] = [TestKeys.Get(TufSchemes.RsaPss, 0)];
        Keys[TufRoles.Snapshot] = [TestKeys.Get(TufSchemes.RsaPkcs1, 0)];
        Keys[TufRoles.Timestamp] = [TestKeys.Get(TufSchemes.EcdsaP256, 1)];
        Thresholds[TufRoles.Root] = 2;
        Publish();
    }

    public Dictionary<string, List<TufSigningKey>> Keys { get; } = new();

    public Dictionary<string, int> Thresholds { get; } = new() { ["targets"] = 1, ["snapshot"] = 1, ["timestamp"] = 1 };

    public DateTimeOffset Expires { get; set; } = Now.AddDays(30);

    /// <summary>Per-role expiry overriding <see cref="Expires"/> (delegated roles use "targets").</summary>
    public Dictionary<string, DateTimeOffset> RoleExpires { get; } = new();

    /// <summary>Whether snapshot lists length and hashes of targets.json (optional in TUF 4.4).</summary>
    public bool SnapshotListsHashes { get; set; }

    public long RootVersion { get; set; } = 1;

    public long TimestampVersion { get; set; } = 1;

    public long SnapshotVersion { get; set; } = 1;

    public long TargetsVersion { get; set; } = 1;

    public Dictionary<string, byte[]> Artifacts { get; } = new() { ["app/1.0/app.tar.gz"] = "release one"u8.ToArray() };

    public List<(DelegatedRole Role, List<TufSigningKey> Signers, Dictionary<string, byte[]> Artifacts, string Delegator)> Delegated { get; } = [];

    public long DelegatedVersion { get; set; } = 1;

    public byte[] Root { get; private set; } = [];

    public byte[] Timestamp { get; private set; } = [];

    public byte[] Snapshot { get; private set; } = [];

    public byte[] Targets { get; private set; } = [];

    public Dictionary<string, byte[]> DelegatedFiles { get; } = new();

    public RootMetadata RootSigned()
    {
        var keys = new Dictionary<string, TufKey>();
        var roles = new Dictionary<string, RoleKeys>();
        foreach (var (role, signers) in Keys)
        {
            foreach (var key in signers)
            {
                keys[key.KeyId] = key.PublicKey;
            }

            roles[role] = new RoleKeys(signers.Select(k => k.KeyId).ToList(), Thresholds.GetValueOrDefault(role, 1));
        }

        return new RootMetadata(TufSigned.CurrentSpecVersion, RootVersion, ExpiryOf(TufRoles.Root), false, keys, roles);
    }

    public byte[] SignRoot(params IEnumerable<TufSigningKey> signers) => MetadataSigner.Sign(RootSigned(), signers);

    /// <summary>Re-signs targets, delegated roles, snapshot and timestamp (and root with the current root keys).</summary>
    public void Publish()
    {
        Root = SignRoot(Keys[TufRoles.Root]);
        DelegatedFiles.Clear();
        foreach (var (role, signers, artifacts, _) in Delegated)
        {
            var delegations = DelegationsFor(role.Name);
            var signed = new TargetsMetadata(TufSigned.CurrentSpecVersion, DelegatedVersion, ExpiryOf(TufRoles.Targets), Files(artifacts), delegations);
            DelegatedFiles[role.Name] = MetadataSigner.Sign(signed, signers);
        }

        var targets = new TargetsMetadata(TufSigned.CurrentSpecVersion, TargetsVersion, ExpiryOf(TufRoles.Targets), Files(Artifacts),
            DelegationsFor(TufRoles.Targets));
        Targets = MetadataSigner.Sign(targets, Keys[TufRoles.Targets]);
        var meta = new Dictionary<string, MetaFile>
        {
            [TufRoles.FileName(TufRoles.Targets)] = SnapshotListsHashes
                ? new MetaFile(TargetsVersion, Targets.Length, FileFor(Targets).Hashes)
                : new MetaFile(TargetsVersion),
        };
        foreach (var name in DelegatedFiles.Keys)
        {
            meta[TufRoles.FileName(name)] = new MetaFile(DelegatedVersion);
        }

        Snapshot = MetadataSigner.Sign(
            new SnapshotMetadata(TufSigned.CurrentSpecVersion, SnapshotVersion, ExpiryOf(TufRoles.Snapshot), meta), Keys[TufRoles.Snapshot]);
        SignTimestamp();
    }

    /// <summary>Re-signs only timestamp over the current snapshot bytes (after a test tampered with snapshot).</summary>
    public void SignTimestamp(long? snapshotVersion = null)
    {
        var snapshotMeta = new MetaFile(snapshotVersion ?? SnapshotVersion, Snapshot.Length,
            new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(Snapshot)) });
        Timestamp = MetadataSigner.Sign(
            new TimestampMetadata(TufSigned.CurrentSpecVersion, TimestampVersion, ExpiryOf(TufRoles.Timestamp), snapshotMeta), Keys[TufRoles.Timestamp]);
    }

    public static TargetFile FileFor(byte[] content) => new(content.Length, new Dictionary<string, string>
    {
        ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
        ["sha512"] = Convert.ToHexStringLower(SHA512.HashData(content)),
    });

    private DateTimeOffset ExpiryOf(string role) => RoleExpires.GetValueOrDefault(role, Expires);

    private static Dictionary<string, TargetFile> Files(Dictionary<string, byte[]> artifacts) =>
        artifacts.ToDictionary(a => a.Key, a => FileFor(a.Value));

    private Delegations? DelegationsFor(string delegator)
    {
        var children = Delegated.Where(d => d.Delegator == delegator).ToList();
        if (children.Count == 0)
        {
            return null;
        }

        var keys = children.SelectMany(c => c.Signers).DistinctBy(k => k.KeyId).ToDictionary(k => k.KeyId, k => k.PublicKey);
        return new Delegations(keys, children.Select(c => c.Role).ToList());
    }
}
