using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.LoadGen;

internal static class MtlsClients
{
    /// <summary>
    /// One client per connection, HTTP/1.1 keep-alive, presenting <paramref name="certificate"/>. The benchmark does not
    /// check the server certificate: it measures load, and the agent's pinning is tested elsewhere.
    /// </summary>
    public static HttpClient Create(Uri baseAddress, X509Certificate2? certificate)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                ClientCertificates = certificate is null ? null : [certificate],
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress, DefaultRequestVersion = HttpVersion.Version11, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static X509Certificate2 WithKey(string certificatePem, ECDsa key)
    {
        using var cert = X509Certificate2.CreateFromPem(certificatePem);
        using var withKey = cert.CopyWithPrivateKey(key);
        // Round-trip through PKCS#12 so SslStream on Linux gets a certificate with a usable private key handle.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
