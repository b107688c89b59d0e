using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>A METAFILES entry (TUF 4.4, 4.6): the version of a metadata file and, optionally, its length and hashes.</summary>
public sealed record MetaFile(long Version, long? Length = null, IReadOnlyDictionary<string, string>? Hashes = null)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["version"] = Version };
        if (Length is { } length)
        {
            json["length"] = length;
        }

        if (Hashes is not null)
        {
            json["hashes"] = JsonFields.HashesToJson(Hashes);
        }

        return json;
    }

    internal static MetaFile Parse(JsonFields fields) => new(
        fields.Integer("version", 1),
        fields.OptionalInteger("length", 0),
        fields.Has("hashes") ? fields.Hashes("hashes") : null);
}
