namespace Outpost.Protocol.Telemetry;

/// <summary>Answer of <c>GET /v1/devices/{id}/telemetry</c>.</summary>
public sealed record TelemetryStreamList
{
    public required string DeviceId { get; init; }

    public required IReadOnlyList<TelemetryStreamView> Items { get; init; }
}
