using System.ComponentModel.DataAnnotations;

namespace Outpost.Server.Observability;

/// <summary>Configuration section <c>Outpost:Prometheus</c> (docs/prometheus.md).</summary>
internal sealed class PrometheusOptions
{
    public const string Section = "Outpost:Prometheus";

    /// <summary>false (default): <c>/metrics</c> needs an admin bearer token of any role. true: anyone who reaches the admin listener.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>Per-device series are exported for at most this many devices (first enrolled first): bounds cardinality.</summary>
    [Range(0, 100_000, ErrorMessage = "Set Outpost:Prometheus:MaxDevices between 0 and 100000.")]
    public int MaxDevices { get; set; } = 1000;

    /// <summary>At most this many mounts per device for the disk series.</summary>
    [Range(0, 64, ErrorMessage = "Set Outpost:Prometheus:MaxMountsPerDevice between 0 and 64.")]
    public int MaxMountsPerDevice { get; set; } = 8;
}
