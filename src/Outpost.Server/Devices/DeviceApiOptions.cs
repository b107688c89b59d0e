namespace Outpost.Server.Devices;

/// <summary>Configuration section <c>Outpost:DeviceApi</c>.</summary>
internal sealed class DeviceApiOptions
{
    public const string Section = "Outpost:DeviceApi";

    /// <summary>HTTPS address of the mutual-TLS device listener; host must be an IP address, localhost or 0.0.0.0; port 0 picks a free port.</summary>
    public string Url { get; set; } = "https://0.0.0.0:8443";
}
