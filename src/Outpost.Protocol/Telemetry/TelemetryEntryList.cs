namespace Outpost.Protocol.Telemetry;

/// <summary>Events or logs of a device, newest first.</summary>
public sealed record TelemetryEntryList
{
    public required string DeviceId { get; init; }

    public required TelemetryChannel Stream { get; init; }

    public required IReadOnlyList<TelemetryEntryView> Items { get; init; }
}
