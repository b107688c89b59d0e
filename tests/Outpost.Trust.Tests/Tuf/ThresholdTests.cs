using System.Text.Json.Nodes;
using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Trust.Tests.Tuf;

public sealed class ThresholdTests
{
    private static readonly TufSigningKey A = TestKeys.Get(TufSchemes.Ed25519, 10);
    private static readonly TufSigningKey B = TestKeys.Get(TufSchemes.Ed25519, 11);
    private static readonly TufSigningKey C = TestKeys.Get(TufSchemes.EcdsaP256, 10);

    private static readonly JsonObject Payload = new() { ["_type"] = "targets", ["version"] = 1 };

    private static Dictionary<string, TufKey> KeysOf(params TufSigningKey[] keys) => keys.ToDictionary(k => k.KeyId, k => k.PublicKey);

    private static int Count(byte[] file, RoleKeys role, Dictionary<string, TufKey> keys) =>
        SignatureThreshold.CountValid(TufEnvelope.Parse(file, "targets"), role, keys);

    [Fact]
    public void CountValid_TwoDistinctAuthorizedKeys_CountsTwo()
    {
        var file = MetadataSigner.Sign(Payload, [A, B]);

        Assert.Equal(2, Count(file, new RoleKeys([A.KeyId, B.KeyId], 2), KeysOf(A, B)));
    }

    [Fact]
    public void CountValid_SameKeySignsTwice_CountsOnce()
    {
        var once = MetadataSigner.Sign(Payload, [A]);
        var envelope = JsonNode.Parse(once)!.AsObject();
        var signatures = envelope["signatures"]!.AsArray();
        signatures.Add(signatures[0]!.DeepClone());
        var twice = System.Text.Encoding.UTF8.GetBytes(envelope.ToJsonString());

        Assert.Equal(1, Count(twice, new RoleKeys([A.KeyId, B.KeyId], 2), KeysOf(A, B)));
    }

    [Fact]
    public void CountValid_KeyIdListedTwiceInRole_CountsOnce()
    {
        var file = MetadataSigner.Sign(Payload, [A]);

        Assert.Equal(1, Count(file, new RoleKeys([A.KeyId, A.KeyId], 2), KeysOf(A)));
    }

    [Fact]
    public void CountValid_SamePublicKeyUnderTwoKeyIds_CountsOnce()
    {
        // A root that lists one key under a second, made-up key id must not let one key meet a threshold of two.
        var alias = new string('a', 64);
        var keys = KeysOf(A);
        keys[alias] = A.PublicKey;
        var file = MetadataSigner.Sign(Payload, [A]);
        var node = JsonNode.Parse(file)!.AsObject();
        var signatures = node["signatures"]!.AsArray();
        signatures.Add(new JsonObject { ["keyid"] = alias, ["sig"] = signatures[0]!["sig"]!.GetValue<string>() });

        Assert.Equal(1, Count(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()), new RoleKeys([A.KeyId, alias], 2), keys));
    }

    [Fact]
    public void CountValid_ValidSignatureByKeyNotInRole_NotCounted()
    {
        var file = MetadataSigner.Sign(Payload, [A, C]);

        Assert.Equal(1, Count(file, new RoleKeys([A.KeyId], 1), KeysOf(A, C)));
    }

    [Fact]
    public void CountValid_UnknownSchemeKeyAndGarbageSignature_IgnoredWithoutThrowing()
    {
        var unknown = new TufKey("sphincs", "sphincs-shake-256", "00ff");
        var keys = KeysOf(A);
        keys["u"] = unknown;
        var node = JsonNode.Parse(MetadataSigner.Sign(Payload, [A]))!.AsObject();
        node["signatures"]!.AsArray().Add(new JsonObject { ["keyid"] = "u", ["sig"] = "abc" });
        node["signatures"]!.AsArray().Add(new JsonObject { ["keyid"] = A.KeyId, ["sig"] = "not hex at all" });

        Assert.Equal(1, Count(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()), new RoleKeys([A.KeyId, "u"], 1), keys));
    }

    [Fact]
    public void Require_SignaturesStripped_ThresholdNotMet()
    {
        var file = MetadataSigner.Sign(Payload, []);

        var error = Assert.Throws<TufException>(() =>
            SignatureThreshold.Require(TufEnvelope.Parse(file, "targets"), new RoleKeys([A.KeyId], 1), KeysOf(A), "targets"));
        Assert.Equal(TufFailure.ThresholdNotMet, error.Failure);
        Assert.Equal("targets", error.Role);
    }

    [Fact]
    public void CountValid_FieldAddedAfterSigning_NoLongerVerifies()
    {
        var node = JsonNode.Parse(MetadataSigner.Sign(Payload, [A]))!.AsObject();
        node["signed"]!["x-extra"] = "unsigned";

        Assert.Equal(0, Count(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()), new RoleKeys([A.KeyId], 1), KeysOf(A)));
    }

    [Fact]
    public void CountValid_UnknownFieldPresentWhenSigned_StillVerifies()
    {
        var payload = (JsonObject)Payload.DeepClone();
        payload["x-future-field"] = new JsonObject { ["z"] = 1, ["a"] = "é" };
        var file = MetadataSigner.Sign(payload, [A]);
        // Reformat with whitespace and another key order: the canonical form is what is verified.
        var reordered = System.Text.Encoding.UTF8.GetBytes(JsonNode.Parse(file)!.ToJsonString(new() { WriteIndented = true }));

        Assert.Equal(1, Count(reordered, new RoleKeys([A.KeyId], 1), KeysOf(A)));
    }
}
