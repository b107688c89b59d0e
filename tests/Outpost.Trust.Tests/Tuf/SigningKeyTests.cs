using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Trust.Tests.Tuf;

public sealed class SigningKeyTests
{
    public static TheoryData<string> Schemes => new(TufSchemes.All);

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Sign_ThenVerify_OnlyTheSignedBytesVerify(string scheme)
    {
        var key = TestKeys.Get(scheme);
        var signature = key.Sign("canonical bytes"u8);

        Assert.True(SignatureVerifier.Verify(key.PublicKey, "canonical bytes"u8, signature));
        Assert.False(SignatureVerifier.Verify(key.PublicKey, "canonical bytez"u8, signature));
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void ImportPkcs8_ExportedKey_SameKeyIdAndSignsVerifiably(string scheme)
    {
        var original = TestKeys.Get(scheme);
        using var imported = TufSigningKey.ImportPkcs8(scheme, original.ExportPkcs8());

        Assert.Equal(original.KeyId, imported.KeyId);
        Assert.True(SignatureVerifier.Verify(original.PublicKey, "m"u8, imported.Sign("m"u8)));
    }

    [Fact]
    public void PublicKey_Ecdsa_UsesSecuresystemslibKeyTypeAndPem()
    {
        var key = TestKeys.Get(TufSchemes.EcdsaP256);

        Assert.Equal("ecdsa", key.PublicKey.KeyType);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----\n", key.PublicKey.PublicValue, StringComparison.Ordinal);
        Assert.EndsWith("-----END PUBLIC KEY-----\n", key.PublicKey.PublicValue, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_SchemeSwappedOnSameKeyMaterial_False()
    {
        // A PSS signature presented under a key that claims PKCS#1 v1.5 must not verify: the scheme is part of the key.
        var key = TestKeys.Get(TufSchemes.RsaPss);
        var signature = key.Sign("m"u8);

        Assert.False(SignatureVerifier.Verify(key.PublicKey with { Scheme = TufSchemes.RsaPkcs1 }, "m"u8, signature));
    }

    [Theory]
    [InlineData("ed448", "ed448", "00")]
    [InlineData("rsa", "rsassa-pss-sha512", "not a pem")]
    [InlineData("ecdsa", "ecdsa-sha2-nistp384", "zz")]
    [InlineData("ed25519", "ed25519", "not hex")]
    [InlineData("ecdsa", "ecdsa-sha2-nistp256", "-----BEGIN PUBLIC KEY-----\ngarbage\n-----END PUBLIC KEY-----\n")]
    public void Verify_UnknownOrMalformedKey_FalseWithoutThrowing(string keyType, string scheme, string value)
    {
        Assert.False(SignatureVerifier.Verify(new TufKey(keyType, scheme, value), "m"u8, new byte[64]));
    }

    [Fact]
    public void Generate_UnknownScheme_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() => TufSigningKey.Generate("ed448"));
    }
}
