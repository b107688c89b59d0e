using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Outpost.Trust.Certificates;

namespace Outpost.Trust.Tests.Certificates;

public sealed class CsrValidationTests
{
    [Fact]
    public void Validate_DeviceCsr_IsAccepted()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = CsrValidation.Validate(DeviceCsr.Create(key, "edge-01"));
        Assert.True(result.IsValid, result.Error);
        Assert.Equal("CN=edge-01", result.Request.SubjectName.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a csr")]
    [InlineData("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----")]
    public void Validate_Garbage_IsRefusedWithReason(string pem)
    {
        var result = CsrValidation.Validate(pem);
        Assert.False(result.IsValid);
        Assert.Contains("csrPem", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TamperedSignature_IsRefused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=edge", key, HashAlgorithmName.SHA256);
        var der = request.CreateSigningRequest();
        der[^1] ^= 0x01; // flip a bit of the signature
        var pem = PemEncoding.WriteString("CERTIFICATE REQUEST", der);
        var result = CsrValidation.Validate(pem);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_Rsa1024_IsRefusedAsWeak()
    {
        using var rsa = RSA.Create(1024);
        var request = new CertificateRequest("CN=edge", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var result = CsrValidation.Validate(request.CreateSigningRequestPem());
        Assert.False(result.IsValid);
        Assert.StartsWith("weak key", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Rsa2048_IsAccepted()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=edge", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Assert.True(CsrValidation.Validate(request.CreateSigningRequestPem()).IsValid);
    }

    [Fact]
    public void Validate_Oversized_IsRefused()
    {
        var result = CsrValidation.Validate(new string('A', CsrValidation.MaxPemLength + 1));
        Assert.False(result.IsValid);
        Assert.Contains("longer than", result.Error, StringComparison.Ordinal);
    }
}
