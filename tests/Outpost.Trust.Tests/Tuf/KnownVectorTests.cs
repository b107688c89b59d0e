using System.Text.Json;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Trust.Tests.Tuf;

/// <summary>Real metadata signed by python-tuf/securesystemslib and go-tuf: proves our canonical form and schemes agree.</summary>
public sealed class KnownVectorTests
{
    private static readonly DateTimeOffset Before2030 = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Tuf", "Fixtures", name));

    [Theory]
    [InlineData("python-tuf-root.json")]
    [InlineData("sigstore-v1-root.json")]
    public void KeyIds_AsListed_EqualSha256OfCanonicalKey(string fixture)
    {
        using var document = JsonDocument.Parse(Fixture(fixture));
        var keys = document.RootElement.GetProperty("signed").GetProperty("keys").EnumerateObject().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.Equal(key.Name, TufKey.ComputeKeyId(key.Value)));
    }

    [Fact]
    public void TrustedMetadataSet_PythonTufRoot_RsaPssSignatureVerifies()
    {
        var set = new TrustedMetadataSet(Fixture("python-tuf-root.json"), Before2030);

        Assert.Equal(1, set.Root.Signed.Version);
        Assert.Equal(4, set.Root.Signed.Keys.Count);
    }

    [Fact]
    public void PythonTufRoot_OneByteOfSignedChanged_DoesNotVerify()
    {
        var tampered = System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(Fixture("python-tuf-root.json")).Replace("2030-01-01", "2031-01-01", StringComparison.Ordinal));

        var error = Assert.Throws<TufException>(() => new TrustedMetadataSet(tampered, Before2030));
        Assert.Equal(TufFailure.ThresholdNotMet, error.Failure);
    }

    [Theory]
    [InlineData("python-tuf-timestamp.json")]
    [InlineData("spec-example-timestamp.json")]
    public void Ed25519Timestamp_SignedByPythonTufTimestampKey_Verifies(string fixture)
    {
        var root = MetadataParser.Parse<RootMetadata>(Fixture("python-tuf-root.json")).Signed;
        var timestamp = MetadataParser.Parse<TimestampMetadata>(Fixture(fixture));

        Assert.Equal(1, SignatureThreshold.CountValid(timestamp.Envelope, root.Role(TufRoles.Timestamp), root.Keys));
    }

    [Fact]
    public void SigstoreRoot_EcdsaHexKeys_ThreeOfFiveVerify()
    {
        // Its expires carries a -06:00 offset, which TUF 4.3 does not allow, so only the envelope and keys are read.
        var envelope = TufEnvelope.Parse(Fixture("sigstore-v1-root.json"), TufRoles.Root);
        var signed = envelope.SignedElement;
        var keys = signed.GetProperty("keys").EnumerateObject()
            .ToDictionary(k => k.Name, k => TufKey.Parse(k.Value, TufRoles.Root));
        var role = RoleKeys.Parse(signed.GetProperty("roles").GetProperty("root"), TufRoles.Root);

        Assert.Equal(5, SignatureThreshold.CountValid(envelope, role, keys));
    }
}
