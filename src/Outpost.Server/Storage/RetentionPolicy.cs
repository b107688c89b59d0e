namespace Outpost.Server.Storage;

/// <summary>How long and how much telemetry the store keeps (from TelemetryOptions).</summary>
internal sealed record RetentionPolicy(
    int MaxEventsPerDevice,
    int MaxLogsPerDevice,
    TimeSpan EventRetention,
    TimeSpan LogRetention,
    TimeSpan RawMetricRetention,
    TimeSpan FiveMinuteMetricRetention,
    TimeSpan HourMetricRetention);
