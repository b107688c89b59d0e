namespace Outpost.Protocol.Telemetry;

/// <summary>
/// The server's answer to a batch: every record of the stream up to <see cref="StoredThrough"/> is durably stored (a
/// record at or below it that arrives again is ignored). The agent deletes its outbox rows up to this sequence.
/// </summary>
public sealed record TelemetryAck
{
    public required TelemetryChannel Stream { get; init; }

    public required long StoredThrough { get; init; }
}
