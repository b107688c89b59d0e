using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Outpost.Protocol.Rollouts;

/// <summary>
/// Spec durations are text (<c>10m</c>); a bare number is taken as seconds, because YAML turns <c>bakeTime: 0</c> or
/// <c>bakeTime: 90</c> into a number.
/// </summary>
public sealed class DurationTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when reader.TryGetInt64(out var seconds) =>
                seconds == 0 ? "0" : seconds.ToString(CultureInfo.InvariantCulture) + (seconds < 0 ? "" : "s"),
            _ => throw new JsonException("a duration must be text such as 90s, 10m, 1h30m, or a whole number of seconds"),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
