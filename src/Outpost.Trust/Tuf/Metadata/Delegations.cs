using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>The "delegations" object of targets metadata (TUF 4.5): keys and roles in priority order.</summary>
public sealed record Delegations(IReadOnlyDictionary<string, TufKey> Keys, IReadOnlyList<DelegatedRole> Roles)
{
    public JsonObject ToJson()
    {
        var roles = new JsonArray();
        foreach (var role in Roles)
        {
            roles.Add((JsonNode)role.ToJson());
        }

        return new JsonObject { ["keys"] = RootMetadata.KeysToJson(Keys), ["roles"] = roles };
    }

    internal static Delegations Parse(JsonFields fields)
    {
        if (fields.Has("succinct_roles"))
        {
            // TAP 15 (succinct hash-bin delegations) is not part of TUF 1.0.x and not implemented here.
            throw fields.Fail("succinct_roles delegations are not supported");
        }

        var keys = RootMetadata.ParseKeys(fields.Object("keys"));
        var roles = new List<DelegatedRole>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in fields.Get("roles", System.Text.Json.JsonValueKind.Array).EnumerateArray())
        {
            var role = DelegatedRole.Parse(JsonFields.Of(item, fields.Role, "delegated role"));
            // A delegated role named like a top-level role could stand in for it (python-tuf refuses these too).
            if (RootMetadata.TopLevelRoles.Contains(role.Name))
            {
                throw fields.Fail($"delegated role cannot be named '{role.Name}'");
            }

            if (!names.Add(role.Name))
            {
                throw fields.Fail($"delegated role '{role.Name}' is listed twice");
            }

            roles.Add(role);
        }

        return new Delegations(keys, roles);
    }
}
