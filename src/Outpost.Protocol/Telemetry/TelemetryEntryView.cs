namespace Outpost.Protocol.Telemetry;

/// <summary>A stored event or log line.</summary>
public sealed record TelemetryEntryView
{
    public required long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Name { get; init; }

    public string? Level { get; init; }

    public string? Message { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}
