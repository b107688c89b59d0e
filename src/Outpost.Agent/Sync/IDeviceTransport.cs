using System.Security.Cryptography.X509Certificates;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Sync;

/// <summary>The agent's side of the mTLS device API. The real one is HTTPS; tests use a fake, with no sockets.</summary>
internal interface IDeviceTransport
{
    Task<DeviceCallResult<CheckInResponse>> CheckInAsync(CheckInRequest request, CancellationToken cancellationToken);

    Task<DeviceCallResult<CertificateRenewalResponse>> RenewCertificateAsync(
        CertificateRenewalRequest request, CancellationToken cancellationToken);

    /// <summary>Use this client certificate (with its private key) for every connection opened from now on.</summary>
    void UseClientCertificate(X509Certificate2 certificate);
}
