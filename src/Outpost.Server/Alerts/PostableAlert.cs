using System.Text.Json.Serialization;

namespace Outpost.Server.Alerts;

/// <summary>One element of Alertmanager's <c>POST /api/v2/alerts</c> body (its <c>postableAlert</c> schema).</summary>
internal sealed record PostableAlert
{
    [JsonPropertyName("labels")]
    public required IReadOnlyDictionary<string, string> Labels { get; init; }

    [JsonPropertyName("annotations")]
    public required IReadOnlyDictionary<string, string> Annotations { get; init; }

    [JsonPropertyName("startsAt")]
    public required DateTimeOffset StartsAt { get; init; }

    /// <summary>In the future while firing (Alertmanager resolves it by itself if resends stop); the resolve time once resolved.</summary>
    [JsonPropertyName("endsAt")]
    public required DateTimeOffset EndsAt { get; init; }

    [JsonPropertyName("generatorURL")]
    public string? GeneratorUrl { get; init; }
}
