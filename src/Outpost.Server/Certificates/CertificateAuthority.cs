using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Server.Certificates;

/// <summary>
/// The fleet CA: created once per data folder (ECDSA P-256, 10 years), then loaded. Signs device client
/// certificates and the device listener's server certificate.
/// </summary>
internal sealed class CertificateAuthority : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(3653);

    private CertificateAuthority(X509Certificate2 certificate, bool created)
    {
        Certificate = certificate;
        Created = created;
        PublicCertificate = X509CertificateLoader.LoadCertificate(certificate.RawData);
        Pem = certificate.ExportCertificatePem();
    }

    /// <summary>The CA certificate with its private key; never handed to callers that send it anywhere.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The CA certificate without its key: what goes into chains and trust stores.</summary>
    public X509Certificate2 PublicCertificate { get; }

    public string Pem { get; }

    public bool Created { get; }

    public static CertificateAuthority LoadOrCreate(DataFolderLayout layout, TimeProvider time)
    {
        if (File.Exists(layout.CaCertificate) && File.Exists(layout.CaKey))
        {
            return new CertificateAuthority(X509Certificate2.CreateFromPemFile(layout.CaCertificate, layout.CaKey), created: false);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Outpost Fleet CA, O=Outpost", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
        created.SaveWithKey(key, layout.CaCertificate, layout.CaKey);
        return new CertificateAuthority(X509Certificate2.CreateFromPemFile(layout.CaCertificate, layout.CaKey), created: true);
    }

    /// <summary>Issues a certificate for <paramref name="publicKey"/>; the validity is clamped to the CA's own.</summary>
    public X509Certificate2 Issue(
        string subject, PublicKey publicKey, OidCollection usages, DateTimeOffset notBefore, DateTimeOffset notAfter,
        X509Extension? subjectAlternativeNames = null)
    {
        var request = new CertificateRequest(new X500DistinguishedName(subject), publicKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(publicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        if (subjectAlternativeNames is not null)
        {
            request.CertificateExtensions.Add(subjectAlternativeNames);
        }

        var caNotAfter = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
        return request.Create(Certificate, notBefore, notAfter < caNotAfter ? notAfter : caNotAfter, CertificateExtensions.NewSerial());
    }

    public void Dispose()
    {
        Certificate.Dispose();
        PublicCertificate.Dispose();
    }
}
