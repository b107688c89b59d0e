using Outpost.Protocol.Telemetry;

namespace Outpost.Server.Storage;

/// <summary>Per (device, channel): the dedup boundary, the device's cumulative drops and what the server counted.</summary>
internal sealed record TelemetryStreamState(
    string DeviceId,
    TelemetryChannel Channel,
    long StoredThrough,
    long DroppedRecords,
    long DroppedBytes,
    long RecordsStored,
    long Duplicates,
    DateTimeOffset UpdatedAt);
