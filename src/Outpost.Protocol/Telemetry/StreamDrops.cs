namespace Outpost.Protocol.Telemetry;

/// <summary>Records a device's outbox dropped from one stream (quota, TTL), counted since the outbox was created. Cumulative, so a retried report never double-counts.</summary>
public sealed record StreamDrops
{
    public required long Records { get; init; }

    public required long Bytes { get; init; }
}
