namespace Outpost.Protocol.Telemetry;

/// <summary>The outbox streams (channels), in the order of their priority when the outbox is full: events are dropped last.</summary>
public enum TelemetryChannel
{
    Events,
    Metrics,
    Logs,
}
