using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Outpost.Server.Storage;

/// <summary>
/// Attributes stored as canonical JSON (keys in ordinal order, "{}" for none), so one attribute set is one text value
/// that metric series can be grouped and keyed by.
/// </summary>
internal static class TelemetryAttributes
{
    public const string None = "{}";

    public static string ToJson(IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return None;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyDictionary<string, string>? FromJson(string? json)
    {
        if (json is null or None)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.GetString() ?? "";
        }

        return result;
    }
}
