using System.Net;
using System.Text.Json;
using Outpost.Protocol;

namespace Outpost.Cli.Api;

/// <summary>Turns an error response into one line: the problem's detail or title, plus the fields it names.</summary>
internal static class ProblemMessage
{
    public static string From(HttpStatusCode status, string? body)
    {
        var problem = TryParse(body);
        var reason = FirstNonEmpty(problem?.Detail, problem?.Title) ?? Fallback(status, body);
        if (problem?.Errors is { Count: > 0 } errors)
        {
            var fields = errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}");
            reason = $"{reason} ({string.Join("; ", fields)})";
        }

        return OneLine(reason);
    }

    private static ProblemBody? TryParse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, OutpostJsonContext.Default.ProblemBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Fallback(HttpStatusCode status, string? body)
    {
        var code = (int)status;
        var text = status switch
        {
            HttpStatusCode.Unauthorized => "token refused by the server",
            HttpStatusCode.Forbidden => "the token's role does not allow this",
            HttpStatusCode.NotFound => "not found",
            _ => null,
        };
        if (text is not null)
        {
            return $"{text} (HTTP {code})";
        }

        // A proxy's plain-text error page is still better than nothing; keep it short.
        var snippet = string.IsNullOrWhiteSpace(body) ? null : body.Trim();
        if (snippet is { Length: > 120 })
        {
            snippet = string.Concat(snippet.AsSpan(0, 120), "…");
        }

        return snippet is null ? $"server answered HTTP {code}" : $"server answered HTTP {code}: {snippet}";
    }

    private static string? FirstNonEmpty(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) ? a : !string.IsNullOrWhiteSpace(b) ? b : null;

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
