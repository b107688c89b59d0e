using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Outpost.Server.Devices;

namespace Outpost.Server.Certificates;

/// <summary>Signs device client certificates: CN = device id (the only identity the server trusts), EKU clientAuth.</summary>
internal sealed class DeviceCertificateIssuer(ServerCredentials credentials, IOptions<DevicesOptions> options, TimeProvider time)
{
    public X509Certificate2 Issue(string deviceId, CertificateRequest csr)
    {
        var now = time.GetUtcNow();
        return credentials.Authority.Issue(
            $"CN={deviceId}", csr.PublicKey, CertificateExtensions.ClientAuthentication,
            now.AddMinutes(-5), now.Add(options.Value.CertificateLifetime));
    }
}
