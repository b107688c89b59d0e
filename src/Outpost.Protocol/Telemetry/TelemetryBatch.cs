namespace Outpost.Protocol.Telemetry;

/// <summary>
/// One upload of one stream (<c>POST /v1/device/telemetry</c>, body optionally gzip with Content-Encoding). Records are
/// in strictly increasing sequence order; gaps are allowed (the outbox dropped them, and <see cref="Drops"/> says so).
/// </summary>
public sealed record TelemetryBatch
{
    public required TelemetryChannel Stream { get; init; }

    public required IReadOnlyList<TelemetryRecord> Records { get; init; }

    public StreamDrops? Drops { get; init; }
}
