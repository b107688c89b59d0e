using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Outpost.Trust.Certificates;

namespace Outpost.Trust.Tests.Certificates;

public sealed class PinnedChainTests
{
    private static X509Certificate2 MakeCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, DateTimeOffset from, DateTimeOffset to)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest("CN=leaf", key, HashAlgorithmName.SHA256);
        return req.Create(ca, from, to, [1, 2, 3, 4]);
    }

    [Fact]
    public void Validate_LeafOfPinnedCa_Passes()
    {
        using var ca = MakeCa("fleet");
        using var leaf = Issue(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.True(PinnedChain.Validate(leaf, ca, DateTimeOffset.UtcNow, out var error), error);
    }

    [Fact]
    public void Validate_LeafOfOtherCa_Fails()
    {
        using var ca = MakeCa("fleet");
        using var other = MakeCa("attacker");
        using var leaf = Issue(other, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        Assert.False(PinnedChain.Validate(leaf, ca, DateTimeOffset.UtcNow, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Validate_ExpiredLeaf_Fails()
    {
        using var ca = MakeCa("fleet");
        using var leaf = Issue(ca, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(-1));
        Assert.False(PinnedChain.Validate(leaf, ca, DateTimeOffset.UtcNow, out _));
    }

    [Fact]
    public void Fingerprint_MatchesWithColonsAndCase()
    {
        using var ca = MakeCa("fleet");
        var hex = CaFingerprint.Of(ca).ToUpperInvariant();
        var colons = string.Join(':', Enumerable.Range(0, hex.Length / 2).Select(i => hex.Substring(i * 2, 2)));
        Assert.True(CaFingerprint.Matches(ca, colons));
        Assert.False(CaFingerprint.Matches(ca, new string('0', 64)));
    }
}
