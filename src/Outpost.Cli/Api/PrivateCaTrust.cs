using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Cli.Api;

/// <summary>
/// Server certificate check for https admin URLs: the system trust first, then (when --ca-file is given) a chain to
/// one of the CA certificates in that file. The host name must match either way.
/// </summary>
internal sealed class PrivateCaTrust
{
    private readonly X509Certificate2Collection roots;
    private readonly TimeProvider time;

    private PrivateCaTrust(X509Certificate2Collection roots, TimeProvider time)
    {
        this.roots = roots;
        this.time = time;
    }

    /// <summary>Why the last handshake was refused; the TLS exception itself only says "rejected by callback".</summary>
    public string? LastError { get; private set; }

    public static PrivateCaTrust Load(string caFile, TimeProvider time)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(caFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new CliException($"cannot read CA file {caFile}: {e.Message}");
        }

        if (roots.Count == 0)
        {
            throw new CliException($"CA file {caFile} holds no PEM certificate");
        }

        return new PrivateCaTrust(roots, time);
    }

    public bool Validate(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            LastError = "the server sent no certificate";
            return false;
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            LastError = "the server certificate does not name this host";
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        // A private CA has no CRL/OCSP endpoint to reach.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = time.GetUtcNow().UtcDateTime;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (chain.Build(leaf))
        {
            LastError = null;
            return true;
        }

        var status = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0));
        LastError = $"the server certificate is not trusted by the system or the CA file ({(status.Length > 0 ? status : "no chain")})";
        return false;
    }
}
