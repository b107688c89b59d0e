namespace Outpost.Protocol;

/// <summary>Paths of the device API (mutual TLS listener). Shared by the agent, the simulator and the server.</summary>
public static class DeviceApiRoutes
{
    /// <summary>Enrollment: the only device route that needs no client certificate.</summary>
    public const string Enroll = "/v1/enroll";

    /// <summary>Periodic check-in: reported state in, desired state out.</summary>
    public const string CheckIn = "/v1/device/check-in";

    /// <summary>Certificate renewal with a new CSR, authenticated by the current certificate.</summary>
    public const string RenewCertificate = "/v1/device/certificate";

    /// <summary>
    /// GET, no authentication: the fleet CA certificate as PEM (application/x-pem-file). Public information; an agent
    /// enrolling with only the CA's SHA-256 fingerprint fetches it here, checks the fingerprint, and then pins it. Needed
    /// because .NET on Linux never sends a self-signed root in the TLS handshake, only the leaf.
    /// </summary>
    public const string CaCertificate = "/v1/ca";
}
