namespace Outpost.Agent.LocalApi;

/// <summary>Body item of <c>POST /v1/metrics</c>: one raw sample, aggregated on the device.</summary>
internal sealed record WorkloadMetric
{
    public string? Name { get; init; }

    public double? Value { get; init; }

    public Dictionary<string, string>? Attributes { get; init; }
}
