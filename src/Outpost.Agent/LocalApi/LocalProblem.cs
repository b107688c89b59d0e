namespace Outpost.Agent.LocalApi;

/// <summary>problem+json body of a local API error.</summary>
internal sealed record LocalProblem
{
    public string Type { get; init; } = "about:blank";

    public required string Title { get; init; }

    public required int Status { get; init; }

    public required string Detail { get; init; }

    /// <summary>The request field at fault (JSON path relative to the body), when there is one.</summary>
    public string? Field { get; init; }
}
