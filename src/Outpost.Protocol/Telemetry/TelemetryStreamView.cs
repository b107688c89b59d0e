namespace Outpost.Protocol.Telemetry;

/// <summary>Server-side state of one telemetry stream of a device.</summary>
public sealed record TelemetryStreamView
{
    public required TelemetryChannel Stream { get; init; }

    /// <summary>Highest sequence durably stored; records at or below it are duplicates.</summary>
    public required long StoredThrough { get; init; }

    /// <summary>Cumulative drops the device's outbox reported (quota, TTL).</summary>
    public required StreamDrops Drops { get; init; }

    public required long RecordsStored { get; init; }

    public required long Duplicates { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
