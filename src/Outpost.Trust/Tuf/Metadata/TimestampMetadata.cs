using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>timestamp.json "signed" (TUF 4.6): the one snapshot.json it vouches for.</summary>
public sealed record TimestampMetadata(string SpecVersion, long Version, DateTimeOffset Expires, MetaFile SnapshotMeta)
    : TufSigned(SpecVersion, Version, Expires), ITufRole<TimestampMetadata>
{
    public static string TypeName => TufRoles.Timestamp;

    public override string Type => TufRoles.Timestamp;

    public static TimestampMetadata Parse(JsonElement signedObject, string role)
    {
        var fields = JsonFields.Of(signedObject, role, "signed");
        var (specVersion, version, expires) = ReadHeader(fields, TypeName);
        var meta = fields.Object("meta");
        var snapshotFile = TufRoles.FileName(TufRoles.Snapshot);
        if (meta.Element.EnumerateObject().Count() != 1 || !meta.Has(snapshotFile))
        {
            throw fields.Fail($"meta must list exactly '{snapshotFile}'");
        }

        return new TimestampMetadata(specVersion, version, expires, MetaFile.Parse(meta.Object(snapshotFile)));
    }

    public override JsonObject ToJson()
    {
        var json = Header();
        json["meta"] = new JsonObject { [TufRoles.FileName(TufRoles.Snapshot)] = SnapshotMeta.ToJson() };
        return json;
    }
}
