using System.ComponentModel.DataAnnotations;
using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

/// <summary>Configuration section <c>Outpost:Telemetry</c>: what the server keeps and for how long (docs/telemetry.md).</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "Outpost:Telemetry";

    [Range(1, 10_000_000, ErrorMessage = "Set Outpost:Telemetry:MaxEventsPerDevice between 1 and 10000000.")]
    public int MaxEventsPerDevice { get; set; } = 10_000;

    [Range(1, 10_000_000, ErrorMessage = "Set Outpost:Telemetry:MaxLogsPerDevice between 1 and 10000000.")]
    public int MaxLogsPerDevice { get; set; } = 10_000;

    public TimeSpan EventRetention { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Metric windows as uploaded are kept this long, then rolled up into 5-minute windows.</summary>
    public TimeSpan RawMetricRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>5-minute rollups are kept this long, then rolled up into 1-hour windows.</summary>
    public TimeSpan FiveMinuteMetricRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>1-hour rollups are deleted after this.</summary>
    public TimeSpan HourMetricRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the background compaction (downsampling, retention) runs.</summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromMinutes(5);

    public RetentionPolicy ToPolicy() => new(
        MaxEventsPerDevice, MaxLogsPerDevice, EventRetention, LogRetention, RawMetricRetention, FiveMinuteMetricRetention, HourMetricRetention);

    public static string? Validate(TelemetryOptions o)
    {
        if (new[] { o.EventRetention, o.LogRetention, o.RawMetricRetention, o.FiveMinuteMetricRetention, o.HourMetricRetention }
            .Any(t => t < TimeSpan.FromMinutes(5)))
        {
            return "Set the Outpost:Telemetry:*Retention durations to at least 00:05:00.";
        }

        if (o.FiveMinuteMetricRetention < o.RawMetricRetention || o.HourMetricRetention < o.FiveMinuteMetricRetention)
        {
            return "Set Outpost:Telemetry:RawMetricRetention <= FiveMinuteMetricRetention <= HourMetricRetention.";
        }

        return o.CompactionInterval < TimeSpan.FromSeconds(1) || o.CompactionInterval > TimeSpan.FromDays(7)
            ? "Set Outpost:Telemetry:CompactionInterval between 00:00:01 and 7.00:00:00."
            : null;
    }
}
