using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>A TARGETS entry (TUF 4.5): the exact length and hashes a downloaded file must have, plus opaque custom data.</summary>
public sealed record TargetFile(long Length, IReadOnlyDictionary<string, string> Hashes, JsonElement? Custom = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["length"] = Length, ["hashes"] = JsonFields.HashesToJson(Hashes) };
        if (Custom is { } custom)
        {
            json["custom"] = JsonNode.Parse(custom.GetRawText());
        }

        return json;
    }

    internal static TargetFile Parse(JsonFields fields) => new(
        fields.Integer("length", 0),
        fields.Hashes("hashes"),
        fields.Element.TryGetProperty("custom", out var custom) ? custom.Clone() : null);
}
