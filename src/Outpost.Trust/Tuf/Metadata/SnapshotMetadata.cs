using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>snapshot.json "signed" (TUF 4.4): the version of targets.json and of every delegated targets file.</summary>
public sealed record SnapshotMetadata(
    string SpecVersion,
    long Version,
    DateTimeOffset Expires,
    IReadOnlyDictionary<string, MetaFile> Meta) : TufSigned(SpecVersion, Version, Expires), ITufRole<SnapshotMetadata>
{
    public static string TypeName => TufRoles.Snapshot;

    public override string Type => TufRoles.Snapshot;

    public static SnapshotMetadata Parse(JsonElement signedObject, string role)
    {
        var fields = JsonFields.Of(signedObject, role, "signed");
        var (specVersion, version, expires) = ReadHeader(fields, TypeName);
        var meta = new Dictionary<string, MetaFile>(StringComparer.Ordinal);
        foreach (var property in fields.Object("meta").Element.EnumerateObject())
        {
            meta[property.Name] = MetaFile.Parse(JsonFields.Of(property.Value, role, $"meta '{property.Name}'"));
        }

        return new SnapshotMetadata(specVersion, version, expires, meta);
    }

    public override JsonObject ToJson()
    {
        var json = Header();
        var meta = new JsonObject();
        foreach (var (name, file) in Meta)
        {
            meta[name] = file.ToJson();
        }

        json["meta"] = meta;
        return json;
    }
}
