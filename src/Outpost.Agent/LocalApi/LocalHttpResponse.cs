using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Outpost.Agent.LocalApi;

/// <summary>A complete response: status, JSON body, and the few headers the local API uses.</summary>
internal sealed record LocalHttpResponse(int Status, string ContentType, byte[] Body)
{
    public string? Allow { get; init; }

    public int? RetryAfterSeconds { get; init; }

    public bool Close { get; init; }

    public static LocalHttpResponse Json<T>(int status, T value, JsonTypeInfo<T> type) =>
        new(status, "application/json", JsonSerializer.SerializeToUtf8Bytes(value, type));

    /// <summary>RFC 9457 problem details; <paramref name="field"/> names the offending input, e.g. <c>[2].name</c>.</summary>
    public static LocalHttpResponse Problem(int status, string title, string detail, string? field = null) =>
        new(status, "application/problem+json", JsonSerializer.SerializeToUtf8Bytes(
            new LocalProblem { Title = title, Status = status, Detail = detail, Field = field }, LocalApiJsonContext.Default.LocalProblem));
}
