namespace Outpost.Protocol;

/// <summary>Paths of the device API (mutual TLS listener). Shared by the agent, the simulator and the server.</summary>
public static class DeviceApiRoutes
{
    /// <summary>Enrollment: the only device route that needs no client certificate.</summary>
    public const string Enroll = "/v1/enroll";

    /// <summary>
    /// The fleet CA certificate (PEM), anonymous. An agent pinned by fingerprint fetches it here and checks the hash
    /// before trusting it: TLS stacks do not send a self-signed root in the handshake, so the chain cannot carry it.
    /// </summary>
    public const string CaCertificate = "/v1/ca";

    /// <summary>Periodic check-in: reported state in, desired state out.</summary>
    public const string CheckIn = "/v1/device/check-in";

    /// <summary>Certificate renewal with a new CSR, authenticated by the current certificate.</summary>
    public const string RenewCertificate = "/v1/device/certificate";

    /// <summary>Outbox upload: one <c>TelemetryBatch</c> in, a <c>TelemetryAck</c> out.</summary>
    public const string Telemetry = "/v1/device/telemetry";
}
