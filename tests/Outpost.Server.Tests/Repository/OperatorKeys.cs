using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Server.Tests.Repository;

/// <summary>The operator's side, built with the TUF core the CLI uses: offline root and targets keys that sign metadata.</summary>
public sealed class OperatorKeys : IDisposable
{
    private OperatorKeys(TufKey snapshot, TufKey timestamp, int targetsKeys)
    {
        Snapshot = snapshot;
        Timestamp = timestamp;
        TargetsKeys = [.. Enumerable.Range(0, targetsKeys).Select(_ => TufSigningKey.Generate(TufSchemes.Ed25519))];
    }

    public List<TufSigningKey> RootKeys { get; } = [.. Enumerable.Range(0, 3).Select(_ => TufSigningKey.Generate(TufSchemes.Ed25519))];

    /// <summary>All of them must sign targets (threshold = count).</summary>
    public List<TufSigningKey> TargetsKeys { get; }

    public TufKey Snapshot { get; }

    public TufKey Timestamp { get; }

    /// <summary>Reads the server's online keys from GET /v1/tuf/online-keys, as `outpost keys init` does.</summary>
    public static OperatorKeys FromOnlineKeys(string json, int targetsKeys = 1)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        static TufKey Key(JsonNode node) => new(
            node["keytype"]!.GetValue<string>(), node["scheme"]!.GetValue<string>(), node["keyval"]!["public"]!.GetValue<string>());
        return new OperatorKeys(Key(document[TufRoles.Snapshot]!), Key(document[TufRoles.Timestamp]!), targetsKeys);
    }

    public RootMetadata RootMetadata(long version, IReadOnlyList<TufSigningKey> rootKeys, int threshold, DateTimeOffset expires,
        TufKey? snapshot = null)
    {
        snapshot ??= Snapshot;
        var keys = new Dictionary<string, TufKey>(StringComparer.Ordinal);
        foreach (var key in rootKeys.Concat(TargetsKeys))
        {
            keys[key.KeyId] = key.PublicKey;
        }

        keys[snapshot.ComputeKeyId()] = snapshot;
        keys[Timestamp.ComputeKeyId()] = Timestamp;
        var roles = new Dictionary<string, RoleKeys>(StringComparer.Ordinal)
        {
            [TufRoles.Root] = new([.. rootKeys.Select(k => k.KeyId)], threshold),
            [TufRoles.Targets] = new([.. TargetsKeys.Select(k => k.KeyId)], TargetsKeys.Count),
            [TufRoles.Snapshot] = new([snapshot.ComputeKeyId()], 1),
            [TufRoles.Timestamp] = new([Timestamp.ComputeKeyId()], 1),
        };
        return new RootMetadata(TufSigned.CurrentSpecVersion, version, expires, true, keys, roles);
    }

    public byte[] Root(long version, DateTimeOffset expires) =>
        MetadataSigner.Sign(RootMetadata(version, RootKeys, 2, expires), RootKeys.Take(2));

    public byte[] Targets(long version, DateTimeOffset expires, IReadOnlyDictionary<string, TargetFile> targets, IEnumerable<TufSigningKey>? signers = null) =>
        MetadataSigner.Sign(new TargetsMetadata(TufSigned.CurrentSpecVersion, version, expires, targets), signers ?? TargetsKeys);

    public static TargetFile Target(byte[] content, string release = "app", string version = "1.0.0", string kind = "app") => new(
        content.Length,
        new Dictionary<string, string> { ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)) },
        JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["release"] = release, ["version"] = version, ["deviceClass"] = "rpi4", ["kind"] = kind,
        }));

    public void Dispose()
    {
        foreach (var key in RootKeys.Concat(TargetsKeys))
        {
            key.Dispose();
        }
    }
}
