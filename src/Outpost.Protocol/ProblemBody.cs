namespace Outpost.Protocol;

/// <summary>
/// RFC 9457 problem details as clients read them (the server writes them with ASP.NET Core's ProblemDetails).
/// <see cref="Errors"/> names the offending fields of a validation failure.
/// </summary>
public sealed record ProblemBody
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}
