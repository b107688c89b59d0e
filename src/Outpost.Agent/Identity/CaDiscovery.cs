using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Outpost.Protocol;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Identity;

/// <summary>
/// Turns a CA fingerprint into the CA certificate, before any secret is sent. The CA is taken from the TLS handshake
/// when the server presents it there (servers behind a proxy that sends the full chain), and otherwise from
/// GET /v1/ca — .NET on Linux trims a self-signed root from the chain it sends, so outpost-server itself presents
/// only its leaf. Either way the certificate is used only if its SHA-256 matches the fingerprint the operator gave;
/// the enrollment request itself then runs on a new connection that must chain to that CA.
/// </summary>
internal static class CaDiscovery
{
    private const int MaxPemBytes = 64 * 1024;

    [SuppressMessage("Security", "CA5359:Do not disable certificate validation",
        Justification = "Only a public certificate is fetched; it is trusted solely by its fingerprint, checked below.")]
    public static async Task<(X509Certificate2? Ca, string? Error)> FindAsync(
        Uri server, string fingerprint, CancellationToken cancellationToken)
    {
        X509Certificate2? presented = null;
        var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) };
        // This connection carries nothing secret and its answer is checked against the fingerprint, so any server
        // certificate is acceptable here; we only look at what it presents.
        handler.SslOptions.RemoteCertificateValidationCallback = (_, leaf, chain, _) =>
        {
            presented = FindPresented(leaf as X509Certificate2, chain, fingerprint);
            return true;
        };
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await client.GetAsync(new Uri(DeviceApiRoutes.CaCertificate, UriKind.Relative), cancellationToken);
            if (presented is not null)
            {
                return (presented, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return (null, $"the server presented no CA certificate with fingerprint {fingerprint} (not in the TLS handshake; GET {DeviceApiRoutes.CaCertificate} answered HTTP {(int)response.StatusCode})");
            }

            var pem = await response.Content.ReadAsStringAsync(cancellationToken);
            if (pem.Length > MaxPemBytes)
            {
                return (null, $"GET {DeviceApiRoutes.CaCertificate} answered more than {MaxPemBytes} bytes");
            }

            var ca = X509Certificate2.CreateFromPem(pem);
            if (CaFingerprint.Matches(ca, fingerprint))
            {
                return (ca, null);
            }

            ca.Dispose();
            return (null, $"the server's CA certificate does not match fingerprint {fingerprint}");
        }
        catch (HttpRequestException ex)
        {
            return presented is not null ? (presented, null) : (null, $"cannot reach {server}: {ex.Message}");
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return (null, $"GET {DeviceApiRoutes.CaCertificate} did not answer a PEM certificate: {ex.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"cannot reach {server}: the request timed out");
        }
    }

    private static X509Certificate2? FindPresented(X509Certificate2? leaf, X509Chain? chain, string fingerprint)
    {
        if (leaf is null || chain is null)
        {
            return null;
        }

        IEnumerable<X509Certificate2> candidates = [.. chain.ChainPolicy.ExtraStore, .. chain.ChainElements.Select(e => e.Certificate)];
        var match = candidates.FirstOrDefault(c => !c.Equals(leaf) && CaFingerprint.Matches(c, fingerprint));
        // SslStream disposes the chain's certificates after the callback; keep our own copy.
        return match is null ? null : X509CertificateLoader.LoadCertificate(match.RawData);
    }
}
