namespace Outpost.Protocol.Devices;

/// <summary>A new CSR (PEM) for a key pair the device just made; authenticated by the device's current certificate.</summary>
public sealed record CertificateRenewalRequest
{
    public required string CsrPem { get; init; }
}
