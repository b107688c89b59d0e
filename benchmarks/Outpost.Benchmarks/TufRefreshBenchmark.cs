using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Benchmarks;

/// <summary>
/// Cost of one full TUF client refresh in the verification core: trusted root → timestamp → snapshot → targets from
/// bytes (signature checks, hashes, parsing), plus one target lookup. No I/O, so the figure is the client's own CPU
/// and allocation cost as the number of targets grows; the 1-target case is the baseline.
/// </summary>
[MemoryDiagnoser]
public class TufRefreshBenchmark
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    private byte[] _root = [];
    private byte[] _timestamp = [];
    private byte[] _snapshot = [];
    private byte[] _targets = [];
    private string _lookup = "";

    [Params(1, 100, 10_000)]
    public int Targets { get; set; }

    [GlobalSetup]
    public void Setup()
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
        _root = MetadataSigner.Sign(new RootMetadata(TufSigned.CurrentSpecVersion, 1, expires, true, keys, roles), [rootKey]);

        var files = new Dictionary<string, TargetFile>(Targets);
        for (var i = 0; i < Targets; i++)
        {
            var content = BitConverter.GetBytes(i);
            files[$"releases/app/{i}/app.tar.gz"] = new TargetFile(1024L * 1024 + i, new Dictionary<string, string>
            {
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)),
            });
        }

        _lookup = $"releases/app/{Targets / 2}/app.tar.gz";
        _targets = MetadataSigner.Sign(new TargetsMetadata(TufSigned.CurrentSpecVersion, 1, expires, files), [targetsKey]);
        var meta = new Dictionary<string, MetaFile>
        {
            [TufRoles.FileName(TufRoles.Targets)] = new(1, _targets.Length, Sha256(_targets)),
        };
        _snapshot = MetadataSigner.Sign(new SnapshotMetadata(TufSigned.CurrentSpecVersion, 1, expires, meta), [snapshotKey]);
        _timestamp = MetadataSigner.Sign(
            new TimestampMetadata(TufSigned.CurrentSpecVersion, 1, expires, new MetaFile(1, _snapshot.Length, Sha256(_snapshot))),
            [timestampKey]);
        if (Refresh() is null)
        {
            throw new InvalidOperationException("the generated repository does not verify");
        }

        // So the table can be read against metadata size.
        Console.WriteLine($"// tuf-refresh: {Targets} targets, targets.json {_targets.Length} bytes, snapshot.json {_snapshot.Length} bytes");
    }

    [Benchmark]
    public TargetMatch? Refresh()
    {
        var set = new TrustedMetadataSet(_root, Now);
        set.UpdateTimestamp(_timestamp);
        set.UpdateSnapshot(_snapshot);
        set.UpdateTargets(_targets);
        // Top-level targets only: no delegated role is fetched, so the lookup completes synchronously.
        return TargetResolver.FindAsync(set, _lookup, (_, _) => throw new InvalidOperationException("no delegations"))
            .GetAwaiter().GetResult();
    }

    private static Dictionary<string, string> Sha256(byte[] bytes) =>
        new() { ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) };
}
