namespace Outpost.Server.Certificates;

/// <summary>Configuration section <c>Outpost:Tls</c>.</summary>
internal sealed class TlsOptions
{
    public const string Section = "Outpost:Tls";

    private static readonly string[] DefaultHostNames = ["localhost", "127.0.0.1", "::1"];

    /// <summary>
    /// DNS names and IP addresses the device-listener certificate is valid for (its SANs); when empty, localhost,
    /// 127.0.0.1 and ::1. Changing them regenerates the certificate on the next start.
    /// </summary>
    public List<string> HostNames { get; set; } = [];

    public IReadOnlyList<string> EffectiveHostNames => HostNames.Count == 0 ? DefaultHostNames : HostNames;

    /// <summary>Lifetime of the device-listener certificate; it is reissued when less than a third remains.</summary>
    public TimeSpan ServerCertificateLifetime { get; set; } = TimeSpan.FromDays(365);
}
