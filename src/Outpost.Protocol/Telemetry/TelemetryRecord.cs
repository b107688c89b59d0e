namespace Outpost.Protocol.Telemetry;

/// <summary>
/// One outbox record. <see cref="Sequence"/> is per (device, stream), starts at 1 and only grows; it is what the server
/// deduplicates on. Events: Name = event type, Level = severity, Message. Metrics: Name = metric name (Prometheus
/// style, e.g. <c>inference_fps</c>), Value = the aggregate of one window. Logs: Name = source (workload process),
/// Level, Message.
/// </summary>
public sealed record TelemetryRecord
{
    public required long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Name { get; init; }

    public string? Level { get; init; }

    public string? Message { get; init; }

    public MetricAggregate? Value { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
