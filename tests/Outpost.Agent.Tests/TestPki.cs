using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Agent.Tests;

/// <summary>Test certificates: a CA, server leaves with SANs, and device certificates signed from CSRs.</summary>
internal sealed class TestPki : IDisposable
{
    private readonly ECDsa _caKey;

    public TestPki(string name, DateTimeOffset now)
    {
        Now = now;
        _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Ca = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(5));
    }

    public DateTimeOffset Now { get; }

    /// <summary>The CA with its private key.</summary>
    public X509Certificate2 Ca { get; }

    /// <summary>The CA certificate only, as a device would see it.</summary>
    public X509Certificate2 CaPublic => X509CertificateLoader.LoadCertificate(Ca.RawData);

    public string CaPem => Ca.ExportCertificatePem();

    public X509Certificate2 IssueServer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=outpost-server", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var issued = request.Create(Ca, Now.AddDays(-1), Now.AddDays(30), RandomNumberGenerator.GetBytes(8));
        // Round-trip through PKCS#12 so the TLS stack on Linux gets a certificate with a usable private key.
        return X509CertificateLoader.LoadPkcs12(issued.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>Signs a device CSR the way the server does: CN = device id, client auth.</summary>
    public string IssueDevicePem(string csrPem, string deviceId, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var csr = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={deviceId}"), csr.PublicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var issued = request.Create(Ca, notBefore, notAfter, RandomNumberGenerator.GetBytes(8));
        return issued.ExportCertificatePem();
    }

    /// <summary>A fresh device key and its certificate as PEM.</summary>
    public (string KeyPem, string CertificatePem) NewDevice(string deviceId, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = Outpost.Trust.Certificates.DeviceCsr.Create(key, deviceId);
        return (key.ExportPkcs8PrivateKeyPem(), IssueDevicePem(csr, deviceId, notBefore, notAfter));
    }

    public void Dispose()
    {
        Ca.Dispose();
        _caKey.Dispose();
    }
}
