namespace Outpost.Agent.Telemetry;

/// <summary>
/// Settings of the device's telemetry, section <c>Telemetry</c> (docs/telemetry-agent.md). The outbox has its own
/// section (<see cref="Outbox.OutboxOptions"/>), the workloads' local API too (LocalApiOptions).
/// </summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>How often /proc and /sys are read for system metrics.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Window over which each metric's samples become one aggregate (count/min/max/mean/p95).</summary>
    public TimeSpan AggregationWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per-metric window, e.g. <c>Telemetry:AggregationWindows:inference_fps = 00:00:10</c>; zero sends every sample.</summary>
    public Dictionary<string, TimeSpan> AggregationWindows { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Most distinct metric series (name + attributes) aggregated at once; more are refused.</summary>
    public int MaxSeries { get; set; } = 1000;

    /// <summary>How often the uploader looks for new records when the outbox was empty.</summary>
    public TimeSpan UploadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>First backoff step after a failed upload; doubles per failure (full jitter) up to <see cref="UploadBackoffMax"/>.</summary>
    public TimeSpan UploadBackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan UploadBackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Batches are sized so one upload takes about this long at the throughput last measured.</summary>
    public TimeSpan UploadTargetDuration { get; set; } = TimeSpan.FromSeconds(2);
}
