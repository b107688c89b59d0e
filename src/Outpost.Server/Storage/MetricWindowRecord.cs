namespace Outpost.Server.Storage;

/// <summary>One metric window: as uploaded (resolution 0) or a rollup (resolution in seconds).</summary>
internal sealed record MetricWindowRecord(
    string DeviceId,
    string Name,
    string AttributesJson,
    int ResolutionSeconds,
    DateTimeOffset WindowEnd,
    long Count,
    double Min,
    double Max,
    double Mean,
    double? P95);
