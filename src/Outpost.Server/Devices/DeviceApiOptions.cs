namespace Outpost.Server.Devices;

/// <summary>Configuration section <c>Outpost:DeviceApi</c>.</summary>
internal sealed class DeviceApiOptions
{
    public const string Section = "Outpost:DeviceApi";

    /// <summary>HTTPS address of the mutual-TLS device listener; host must be an IP address, localhost or 0.0.0.0; port 0 picks a free port.</summary>
    public string Url { get; set; } = "https://0.0.0.0:8443";

    /// <summary>
    /// Connections the kernel queues until the server accepts them (the listen backlog, capped by the kernel's
    /// <c>net.core.somaxconn</c>). Kestrel's default of 512 overflows when thousands of devices reconnect at once after
    /// an outage: the kernel then drops their handshakes and each one retries later (measured: 9,560 listen overflows
    /// with 10,000 simulated devices; benchmarks/sim-10k.sh).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(16, 65535)]
    public int ListenBacklog { get; set; } = 4096;
}
