namespace Outpost.Server.Storage;

/// <summary>A stored event or log line.</summary>
internal sealed record TelemetryEntryRecord(
    long Sequence, DateTimeOffset At, DateTimeOffset ReceivedAt, string Name, string? Level, string? Message, string? AttributesJson);
