namespace Outpost.Protocol.Telemetry;

/// <summary>Answer of <c>GET /v1/devices/{id}/metrics</c>: a series (with name) or the latest value of every metric.</summary>
public sealed record MetricSeriesView
{
    public required string DeviceId { get; init; }

    public string? Name { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public required IReadOnlyList<MetricPoint> Points { get; init; }
}
