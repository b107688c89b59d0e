using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Outpost.Protocol;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Identity;

/// <summary>
/// Turns a pinned CA fingerprint into the CA certificate. TLS stacks (Kestrel's included) leave a self-signed root out
/// of the chain they send, so the CA is fetched from <see cref="DeviceApiRoutes.CaCertificate"/> instead. That fetch
/// trusts nothing about the connection: what comes back is used only if its SHA-256 equals the pin, and nothing
/// secret (no token, no key) is sent before that check.
/// </summary>
internal static class CaBootstrap
{
    public const int MaxPemBytes = 64 * 1024;

    /// <summary>The CA certificate, or null and a one-line reason.</summary>
    public static async Task<(X509Certificate2? Ca, string? Error)> FetchAsync(Uri server, string fingerprint, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(15) };
        // Deliberately unauthenticated: the response is authenticated by its hash below.
#pragma warning disable CA5359 // accepts any server certificate: see the type's remarks
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        using var client = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        string pem;
        try
        {
            using var response = await client.GetAsync(DeviceApiRoutes.CaCertificate, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"cannot fetch the CA certificate from {server}: HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > MaxPemBytes)
            {
                return (null, "the server's CA certificate is implausibly large");
            }

            pem = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"cannot reach {server}: {ex.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"cannot reach {server}: timed out");
        }

        try
        {
            var ca = X509Certificate2.CreateFromPem(pem);
            if (!CaFingerprint.Matches(ca, fingerprint))
            {
                var actual = CaFingerprint.Of(ca);
                ca.Dispose();
                return (null, $"server certificate rejected: the server's CA has fingerprint {actual}, not the pinned {fingerprint}");
            }

            return (ca, null);
        }
        catch (CryptographicException ex)
        {
            return (null, $"the server's CA certificate is unreadable: {ex.Message}");
        }
    }
}
