using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>root.json "signed" (TUF 4.3): the keys and thresholds of the four top-level roles.</summary>
public sealed record RootMetadata(
    string SpecVersion,
    long Version,
    DateTimeOffset Expires,
    bool ConsistentSnapshot,
    IReadOnlyDictionary<string, TufKey> Keys,
    IReadOnlyDictionary<string, RoleKeys> Roles) : TufSigned(SpecVersion, Version, Expires), ITufRole<RootMetadata>
{
    public static IReadOnlyList<string> TopLevelRoles { get; } = [TufRoles.Root, TufRoles.Timestamp, TufRoles.Snapshot, TufRoles.Targets];

    public static string TypeName => TufRoles.Root;

    public override string Type => TufRoles.Root;

    public RoleKeys Role(string name) => Roles[name];

    public static RootMetadata Parse(JsonElement signedObject, string role)
    {
        var fields = JsonFields.Of(signedObject, role, "signed");
        var (specVersion, version, expires) = ReadHeader(fields, TypeName);
        var keys = ParseKeys(fields.Object("keys"));
        var roles = new Dictionary<string, RoleKeys>(StringComparer.Ordinal);
        foreach (var property in fields.Object("roles").Element.EnumerateObject())
        {
            roles[property.Name] = RoleKeys.Parse(property.Value, role);
        }

        foreach (var required in TopLevelRoles)
        {
            if (!roles.ContainsKey(required))
            {
                throw fields.Fail($"roles must define '{required}'");
            }
        }

        return new RootMetadata(specVersion, version, expires, fields.Boolean("consistent_snapshot", false), keys, roles);
    }

    public override JsonObject ToJson()
    {
        var json = Header();
        json["consistent_snapshot"] = ConsistentSnapshot;
        json["keys"] = KeysToJson(Keys);
        var roles = new JsonObject();
        foreach (var (name, role) in Roles)
        {
            roles[name] = role.ToJson();
        }

        json["roles"] = roles;
        return json;
    }

    internal static Dictionary<string, TufKey> ParseKeys(JsonFields keysObject)
    {
        var keys = new Dictionary<string, TufKey>(StringComparer.Ordinal);
        foreach (var property in keysObject.Element.EnumerateObject())
        {
            keys[property.Name] = TufKey.Parse(property.Value, keysObject.Role);
        }

        return keys;
    }

    internal static JsonObject KeysToJson(IReadOnlyDictionary<string, TufKey> keys)
    {
        var json = new JsonObject();
        foreach (var (keyId, key) in keys)
        {
            json[keyId] = key.ToJson();
        }

        return json;
    }
}
