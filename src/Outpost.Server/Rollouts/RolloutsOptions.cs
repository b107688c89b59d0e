using System.ComponentModel.DataAnnotations;

namespace Outpost.Server.Rollouts;

/// <summary>Configuration section <c>Outpost:Rollouts</c>.</summary>
internal sealed class RolloutsOptions
{
    public const string Section = "Outpost:Rollouts";

    /// <summary>The contract's system metrics plus the reference workload's; what a spec may name when none are configured.</summary>
    public static readonly IReadOnlyList<string> DefaultKnownMetrics =
    [
        "system_cpu_usage_ratio", "system_memory_used_bytes", "system_memory_total_bytes", "system_swap_used_bytes",
        "system_swap_in_pages_per_second", "system_swap_out_pages_per_second", "system_disk_used_ratio",
        "system_disk_read_bytes_per_second", "system_disk_write_bytes_per_second", "system_network_receive_bytes_per_second",
        "system_network_transmit_bytes_per_second", "system_network_errors_per_second", "system_temperature_celsius",
        "system_uptime_seconds", "agent_memory_rss_bytes", "workload_restarts_total",
        "inference_fps", "error_rate", "inference_latency_ms",
    ];

    /// <summary>Whether this server runs the engine; replicas that should only serve the API set false.</summary>
    public bool EngineEnabled { get; set; } = true;

    /// <summary>How often the engine advances every active rollout.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Set Outpost:Rollouts:TickInterval between 00:00:00.010 and 01:00:00.")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Metric names a gate may use. Configuring any replaces the defaults (a bound list would otherwise be appended to them).
    /// </summary>
    public List<string> KnownMetrics { get; set; } = [];

    /// <summary>Decisions shown on GET /v1/rollouts/{id} and on the dashboard's rollout page.</summary>
    [Range(1, 1000, ErrorMessage = "Set Outpost:Rollouts:DecisionsShown between 1 and 1000.")]
    public int DecisionsShown { get; set; } = 10;

    public IReadOnlyList<string> EffectiveKnownMetrics => KnownMetrics.Count > 0 ? KnownMetrics : DefaultKnownMetrics;
}
