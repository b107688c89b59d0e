using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>The keys authorized for a role and how many distinct ones must sign (TUF 4.3 ROLE).</summary>
public sealed record RoleKeys(IReadOnlyList<string> KeyIds, int Threshold)
{
    public JsonObject ToJson()
    {
        var keyIds = new JsonArray();
        foreach (var keyId in KeyIds)
        {
            keyIds.Add((JsonNode)JsonValue.Create(keyId));
        }

        return new JsonObject { ["keyids"] = keyIds, ["threshold"] = Threshold };
    }

    internal static RoleKeys Parse(JsonFields fields) =>
        new(fields.StringArray("keyids"), checked((int)Math.Min(fields.Integer("threshold", 1), int.MaxValue)));

    internal static RoleKeys Parse(JsonElement element, string role) => Parse(JsonFields.Of(element, role, "role"));
}
