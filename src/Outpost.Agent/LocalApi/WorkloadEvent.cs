namespace Outpost.Agent.LocalApi;

/// <summary>Body item of <c>POST /v1/events</c>. Everything is optional here so validation can name the missing field.</summary>
internal sealed record WorkloadEvent
{
    public string? Name { get; init; }

    public string? Level { get; init; }

    public string? Message { get; init; }

    public DateTimeOffset? At { get; init; }

    public Dictionary<string, string>? Attributes { get; init; }
}
