using System.Security.Cryptography;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Benchmarks;

/// <summary>A signed TUF repository (ed25519, consistent snapshots, version 1 of every role) with N targets.</summary>
public sealed class TufBenchRepository
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    public TufBenchRepository(int targets)
    {
        using var rootKey = TufSigningKey.Generate(TufSchemes.Ed25519);
        using var targetsKey = TufSigningKey.Generate(TufSchemes.Ed25519);
        using var snapshotKey = TufSigningKey.Generate(TufSchemes.Ed25519);
        using var timestampKey = TufSigningKey.Generate(TufSchemes.Ed25519);
        var expires = Now.AddDays(30);
        var keys = new[] { rootKey, targetsKey, snapshotKey, timestampKey }.ToDictionary(k => k.KeyId, k => k.PublicKey);
        var roles = new Dictionary<string, RoleKeys>
        {
            [TufRoles.Root] = new([rootKey.KeyId], 1),
            [TufRoles.Targets] = new([targetsKey.KeyId], 1),
            [TufRoles.Snapshot] = new([snapshotKey.KeyId], 1),
            [TufRoles.Timestamp] = new([timestampKey.KeyId], 1),
        };
        Root = MetadataSigner.Sign(new RootMetadata(TufSigned.CurrentSpecVersion, 1, expires, true, keys, roles), [rootKey]);
        var files = new Dictionary<string, TargetFile>(targets);
        for (var i = 0; i < targets; i++)
        {
            files[$"releases/app/{i}/app.tar.gz"] = new TargetFile(1024L * 1024 + i, Sha256(BitConverter.GetBytes(i)));
        }

        Lookup = $"releases/app/{targets / 2}/app.tar.gz";
        Targets = MetadataSigner.Sign(new TargetsMetadata(TufSigned.CurrentSpecVersion, 1, expires, files), [targetsKey]);
        var meta = new Dictionary<string, MetaFile> { [TufRoles.FileName(TufRoles.Targets)] = new(1, Targets.Length, Sha256(Targets)) };
        Snapshot = MetadataSigner.Sign(new SnapshotMetadata(TufSigned.CurrentSpecVersion, 1, expires, meta), [snapshotKey]);
        Timestamp = MetadataSigner.Sign(
            new TimestampMetadata(TufSigned.CurrentSpecVersion, 1, expires, new MetaFile(1, Snapshot.Length, Sha256(Snapshot))),
            [timestampKey]);
        // So the table can be read against metadata size.
        Console.WriteLine($"// tuf-repository: {targets} targets, targets.json {Targets.Length} bytes, snapshot.json {Snapshot.Length} bytes");
    }

    public byte[] Root { get; }

    public byte[] Timestamp { get; }

    public byte[] Snapshot { get; }

    public byte[] Targets { get; }

    /// <summary>A target in the middle of the list.</summary>
    public string Lookup { get; }

    /// <summary>The files as a consistent-snapshot repository serves them.</summary>
    public Dictionary<string, byte[]> Files() => new(StringComparer.Ordinal)
    {
        ["1.root.json"] = Root,
        ["timestamp.json"] = Timestamp,
        ["1.snapshot.json"] = Snapshot,
        ["1.targets.json"] = Targets,
    };

    private static Dictionary<string, string> Sha256(byte[] bytes) =>
        new() { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
}
