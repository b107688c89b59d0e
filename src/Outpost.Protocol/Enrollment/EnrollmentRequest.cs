namespace Outpost.Protocol.Enrollment;

/// <summary>Sent by a new device: a one-time enrollment token and a PKCS#10 CSR (PEM) for a key made on the device.</summary>
public sealed record EnrollmentRequest
{
    public required string Token { get; init; }

    public required string CsrPem { get; init; }

    /// <summary>Optional human-friendly name; the device id is chosen by the server.</summary>
    public string? Hostname { get; init; }
}
