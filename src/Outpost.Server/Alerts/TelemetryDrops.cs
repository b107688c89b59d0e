namespace Outpost.Server.Alerts;

/// <summary>
/// A device's cumulative outbox drops on one telemetry channel, as its latest batch reported them
/// (<c>TelemetryBatch.drops</c>), and when that count last went up.
/// </summary>
internal sealed record TelemetryDrops(string DeviceId, string Channel, long Records, long Bytes, DateTimeOffset LastIncreasedAt);
