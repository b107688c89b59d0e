namespace Outpost.Agent.LocalApi;

/// <summary>Body item of <c>POST /v1/logs</c>. <see cref="Source"/> names the process (default <c>workload</c>).</summary>
internal sealed record WorkloadLog
{
    public string? Level { get; init; }

    public string? Message { get; init; }

    public string? Source { get; init; }

    public DateTimeOffset? At { get; init; }

    public Dictionary<string, string>? Attributes { get; init; }
}
