using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Server.Certificates;

/// <summary>
/// The device listener's TLS certificate, signed by the fleet CA. Reissued when the configured host names change,
/// when less than a third of its lifetime remains, or when it was not issued by the current CA.
/// </summary>
internal static class ServerCertificateFile
{
    public static X509Certificate2 LoadOrCreate(
        DataFolderLayout layout, CertificateAuthority ca, TlsOptions options, TimeProvider time, out bool issued)
    {
        var now = time.GetUtcNow();
        if (File.Exists(layout.ServerCertificate) && File.Exists(layout.ServerKey))
        {
            var existing = X509Certificate2.CreateFromPemFile(layout.ServerCertificate, layout.ServerKey);
            if (IsCurrent(existing, ca, options, now))
            {
                issued = false;
                return existing;
            }

            existing.Dispose();
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=outpost-server", key, HashAlgorithmName.SHA256);
        using var certificate = ca.Issue(
            "CN=outpost-server", request.PublicKey, CertificateExtensions.ServerAuthentication,
            now.AddMinutes(-5), now.Add(options.ServerCertificateLifetime), BuildNames(options.EffectiveHostNames));
        certificate.SaveWithKey(key, layout.ServerCertificate, layout.ServerKey);
        issued = true;
        return X509Certificate2.CreateFromPemFile(layout.ServerCertificate, layout.ServerKey);
    }

    private static bool IsCurrent(X509Certificate2 certificate, CertificateAuthority ca, TlsOptions options, DateTimeOffset now)
    {
        var remaining = new DateTimeOffset(certificate.NotAfter.ToUniversalTime()) - now;
        if (remaining < options.ServerCertificateLifetime / 3 || certificate.Issuer != ca.Certificate.Subject
            || !Trust.Certificates.PinnedChain.Validate(certificate, ca.PublicCertificate, now, out _))
        {
            return false;
        }

        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (san is null)
        {
            return false;
        }

        var present = san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString()))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wanted = options.EffectiveHostNames.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return present.SetEquals(wanted);
    }

    private static X509Extension BuildNames(IEnumerable<string> hostNames)
    {
        var builder = new SubjectAlternativeNameBuilder();
        foreach (var name in hostNames)
        {
            if (IPAddress.TryParse(name, out var ip))
            {
                builder.AddIpAddress(ip);
            }
            else
            {
                builder.AddDnsName(name);
            }
        }

        return builder.Build();
    }

    private static string Normalize(string name) => IPAddress.TryParse(name, out var ip) ? ip.ToString() : name;
}
