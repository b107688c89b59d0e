using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>
/// One delegation (TUF 4.5 DELEGATIONS roles): who may sign for which target paths. Exactly one of
/// <see cref="Paths"/> (glob patterns) or <see cref="PathHashPrefixes"/> is set.
/// </summary>
public sealed record DelegatedRole(
    string Name,
    RoleKeys Keys,
    bool Terminating,
    IReadOnlyList<string>? Paths,
    IReadOnlyList<string>? PathHashPrefixes = null)
{
    /// <summary>Whether this role is trusted for <paramref name="targetPath"/> (TUF 4.5 PATHPATTERN / PATH_HASH_PREFIXES).</summary>
    public bool IsDelegatedPath(string targetPath)
    {
        ArgumentNullException.ThrowIfNull(targetPath);
        if (Paths is not null)
        {
            return Paths.Any(pattern => PathPattern.Matches(targetPath, pattern));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(targetPath)));
        return PathHashPrefixes!.Any(prefix => hash.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
    }

    public JsonObject ToJson()
    {
        var json = Keys.ToJson();
        json["name"] = Name;
        json["terminating"] = Terminating;
        if (Paths is not null)
        {
            json["paths"] = ToArray(Paths);
        }
        else
        {
            json["path_hash_prefixes"] = ToArray(PathHashPrefixes!);
        }

        return json;
    }

    internal static DelegatedRole Parse(JsonFields fields)
    {
        var name = fields.String("name");
        var hasPaths = fields.Has("paths");
        if (hasPaths == fields.Has("path_hash_prefixes"))
        {
            throw fields.Fail($"delegated role '{name}' must have exactly one of paths and path_hash_prefixes");
        }

        return new DelegatedRole(
            name,
            RoleKeys.Parse(fields),
            fields.Get("terminating", JsonValueKind.True).GetBoolean(),
            hasPaths ? fields.StringArray("paths") : null,
            hasPaths ? null : fields.StringArray("path_hash_prefixes"));
    }

    private static JsonArray ToArray(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode)JsonValue.Create(value));
        }

        return array;
    }
}
