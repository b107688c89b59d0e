using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace Outpost.Server.Http;

/// <summary>
/// Reads a JSON request body with the source-generated contract and turns every kind of bad input into a precise
/// problem (400 naming the field, 413, 415) instead of the framework's bare 400 or a 500.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Error)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type)
        where T : class
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is not null && context.Request.ContentLength > limit)
        {
            return (null, Problems.TooLarge($"The request body is larger than {limit} bytes."));
        }

        if (!context.Request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType("Send the body as application/json."));
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync(context.Request.Body, type, context.RequestAborted);
            return value is null ? (null, Problems.BadRequest("$", "The request body must be a JSON object, not null.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest(FieldOf(ex), Describe(ex)));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge($"The request body is larger than {limit} bytes."));
        }
    }

    // System.Text.Json reports "$.system.cpuCount"; clients know the field as "system.cpuCount".
    private static string FieldOf(JsonException ex) =>
        ex.Path is null or "$" ? MissingProperty(ex.Message) ?? "$" : ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path;

    private static string? MissingProperty(string message)
    {
        const string marker = "missing required properties including: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : message[(at + marker.Length)..].Split(',')[0].Trim(' ', '\'', '.');
    }

    private static string Describe(JsonException ex)
    {
        // The framework's messages name CLR types and byte positions; say what the client can act on.
        var field = FieldOf(ex);
        if (MissingProperty(ex.Message) is not null)
        {
            return $"'{field}' is required.";
        }

        if (field != "$")
        {
            return $"'{field}' has an invalid value or type.";
        }

        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return $"The body is not valid JSON: {(cut > 0 ? message[..cut] : message)}";
    }
}
