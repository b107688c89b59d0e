namespace Outpost.Protocol.Enrollment;

/// <summary>The server's answer to a successful enrollment.</summary>
public sealed record EnrollmentResponse
{
    public required string DeviceId { get; init; }

    /// <summary>The device's client certificate, PEM, signed by the fleet CA.</summary>
    public required string CertificatePem { get; init; }

    /// <summary>The fleet CA certificate, PEM. The agent already pinned it; returned so it can store the full chain.</summary>
    public required string CaCertificatePem { get; init; }

    public required int CheckInIntervalSeconds { get; init; }
}
