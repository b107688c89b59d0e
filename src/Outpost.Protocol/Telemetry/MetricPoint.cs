namespace Outpost.Protocol.Telemetry;

/// <summary>One stored metric window: as uploaded (resolutionSeconds 0) or a server rollup (300, 3600).</summary>
public sealed record MetricPoint
{
    public required string Name { get; init; }

    /// <summary>End of the window.</summary>
    public required DateTimeOffset At { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public required int ResolutionSeconds { get; init; }

    public required long Count { get; init; }

    public required double Min { get; init; }

    public required double Max { get; init; }

    public required double Mean { get; init; }

    public double? P95 { get; init; }
}
