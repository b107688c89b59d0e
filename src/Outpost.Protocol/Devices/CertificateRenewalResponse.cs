namespace Outpost.Protocol.Devices;

public sealed record CertificateRenewalResponse
{
    public required string CertificatePem { get; init; }

    public required DateTimeOffset NotAfter { get; init; }
}
