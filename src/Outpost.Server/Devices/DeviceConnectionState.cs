using System.Security.Cryptography.X509Certificates;

namespace Outpost.Server.Devices;

/// <summary>
/// Per device-listener connection: the client certificate whose chain was already validated against the fleet CA.
/// The certificate of a TLS connection cannot change (Kestrel allows no renegotiation), so later requests on a
/// keep-alive connection skip the chain build and re-check only the validity period and the device row.
/// </summary>
internal sealed class DeviceConnectionState
{
    public X509Certificate2? ValidatedCertificate { get; set; }
}
