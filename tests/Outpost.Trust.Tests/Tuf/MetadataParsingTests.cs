using System.Text;
using System.Text.Json.Nodes;
using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Json;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Trust.Tests.Tuf;

public sealed class MetadataParsingTests
{
    private static JsonObject Signed(byte[] file) => JsonNode.Parse(file)!["signed"]!.DeepClone().AsObject();

    private static byte[] Envelope(JsonObject signed) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["signatures"] = new JsonArray(), ["signed"] = signed }.ToJsonString());

    private static TufException Refused<T>(byte[] file)
        where T : TufSigned, ITufRole<T> => Assert.Throws<TufException>(() => MetadataParser.Parse<T>(file));

    [Fact]
    public void RootToJson_ParsedFromOwnOutput_SameCanonicalBytes()
    {
        var repo = new TestRepository();
        var parsed = MetadataParser.Parse<RootMetadata>(repo.Root);

        var again = MetadataParser.Parse<RootMetadata>(MetadataSigner.Sign(parsed.Signed, []));

        Assert.Equal(parsed.Envelope.CanonicalSigned.ToArray(), again.Envelope.CanonicalSigned.ToArray());
    }

    [Fact]
    public void AddSignatures_OldAndNewKeysSignSeparately_BothCount()
    {
        var repo = new TestRepository();
        var keys = repo.Keys[TufRoles.Root];
        var partial = MetadataSigner.Sign(repo.RootSigned(), [keys[0]]);

        var complete = MetadataSigner.AddSignatures(partial, [keys[1]], TufRoles.Root);

        var root = MetadataParser.Parse<RootMetadata>(complete);
        Assert.Equal(2, SignatureThreshold.CountValid(root.Envelope, root.Signed.Role(TufRoles.Root), root.Signed.Keys));
    }

    [Theory]
    [InlineData("version", "1.5")]
    [InlineData("version", "0")]
    [InlineData("version", "\"1\"")]
    [InlineData("expires", "\"2030-01-01T00:00:00+02:00\"")]
    [InlineData("expires", "\"next year\"")]
    [InlineData("consistent_snapshot", "\"yes\"")]
    public void Parse_BadFieldValue_FormatNamingField(string field, string json)
    {
        var signed = Signed(new TestRepository().Root);
        signed[field] = JsonNode.Parse(json);

        var error = Refused<RootMetadata>(Envelope(signed));

        Assert.Equal(TufFailure.Format, error.Failure);
    }

    [Fact]
    public void Parse_MissingTopLevelRole_Format()
    {
        var signed = Signed(new TestRepository().Root);
        signed["roles"]!.AsObject().Remove("snapshot");

        Assert.Contains("snapshot", Refused<RootMetadata>(Envelope(signed)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SpecVersion2_UnsupportedSpecVersion()
    {
        var signed = Signed(new TestRepository().Root);
        signed["spec_version"] = "2.0.0";

        Assert.Equal(TufFailure.UnsupportedSpecVersion, Refused<RootMetadata>(Envelope(signed)).Failure);
    }

    [Fact]
    public void Parse_DuplicateKeyInFile_Format()
    {
        var text = Encoding.UTF8.GetString(new TestRepository().Timestamp).Replace("\"_type\":", "\"version\":99,\"_type\":", StringComparison.Ordinal);

        Assert.Equal(TufFailure.Format, Refused<TimestampMetadata>(Encoding.UTF8.GetBytes(text)).Failure);
    }

    [Fact]
    public void Parse_UnknownKeyTypeWithOtherKeyvalShape_ParsesAndNeverVerifies()
    {
        var repo = new TestRepository();
        var signed = Signed(repo.Root);
        signed["keys"]!.AsObject()["f00d"] = new JsonObject
        {
            ["keytype"] = "pq-dilithium", ["scheme"] = "dilithium3", ["keyval"] = new JsonObject { ["pk"] = new JsonArray(1, 2) },
        };

        var root = MetadataParser.Parse<RootMetadata>(MetadataSigner.Sign(signed, repo.Keys[TufRoles.Root]));

        Assert.Equal(string.Empty, root.Signed.Keys["f00d"].PublicValue);
    }

    [Fact]
    public void Parse_DelegatedRoleWithPathsAndHashPrefixes_Format()
    {
        var role = new JsonObject
        {
            ["name"] = "r", ["keyids"] = new JsonArray(), ["threshold"] = 1, ["terminating"] = false,
            ["paths"] = new JsonArray("a/*"), ["path_hash_prefixes"] = new JsonArray("ab"),
        };
        var signed = Signed(new TestRepository().Targets);
        signed["delegations"] = new JsonObject { ["keys"] = new JsonObject(), ["roles"] = new JsonArray(role) };

        Assert.Equal(TufFailure.Format, Refused<TargetsMetadata>(Envelope(signed)).Failure);
    }

    [Fact]
    public void Parse_SuccinctRoles_RefusedAsUnsupported()
    {
        var signed = Signed(new TestRepository().Targets);
        signed["delegations"] = new JsonObject { ["keys"] = new JsonObject(), ["succinct_roles"] = new JsonObject() };

        Assert.Contains("succinct_roles", Refused<TargetsMetadata>(Envelope(signed)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_Format()
    {
        Assert.Equal(TufFailure.Format, Refused<RootMetadata>("<html>"u8.ToArray()).Failure);
    }

    [Fact]
    public void Canonical_OfSignedFile_IsWhatWasSigned()
    {
        var repo = new TestRepository();
        var envelope = TufEnvelope.Parse(repo.Targets, TufRoles.Targets);

        Assert.Equal(CanonicalJson.Serialize(envelope.SignedElement), envelope.CanonicalSigned.ToArray());
    }

    [Theory]
    [InlineData("""{"signatures":[],"signed":{"\udc00":1}}""")]
    [InlineData("""{"signatures":[],"signed":{"_type":"\ud800"}}""")]
    [InlineData("""{"signatures":[{"keyid":"\ud800","sig":"00"}],"signed":{}}""")]
    public void Parse_LoneSurrogateEscape_Format(string json)
    {
        Assert.Equal(TufFailure.Format, Refused<RootMetadata>(Encoding.UTF8.GetBytes(json)).Failure);
    }

    [Theory]
    [InlineData("targets")]
    [InlineData("root")]
    public void Parse_DelegatedRoleNamedLikeTopLevelRole_Format(string name)
    {
        var role = new JsonObject
        {
            ["name"] = name, ["keyids"] = new JsonArray(), ["threshold"] = 1, ["terminating"] = false, ["paths"] = new JsonArray("*"),
        };
        var signed = Signed(new TestRepository().Targets);
        signed["delegations"] = new JsonObject { ["keys"] = new JsonObject(), ["roles"] = new JsonArray(role) };

        Assert.Contains($"cannot be named '{name}'", Refused<TargetsMetadata>(Envelope(signed)).Message, StringComparison.Ordinal);
    }
}
