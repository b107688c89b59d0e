using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>targets.json or a delegated role's "signed" (TUF 4.5): target files and optional delegations.</summary>
public sealed record TargetsMetadata(
    string SpecVersion,
    long Version,
    DateTimeOffset Expires,
    IReadOnlyDictionary<string, TargetFile> Targets,
    Delegations? Delegations = null) : TufSigned(SpecVersion, Version, Expires), ITufRole<TargetsMetadata>
{
    public static string TypeName => TufRoles.Targets;

    public override string Type => TufRoles.Targets;

    public static TargetsMetadata Parse(JsonElement signedObject, string role)
    {
        var fields = JsonFields.Of(signedObject, role, "signed");
        var (specVersion, version, expires) = ReadHeader(fields, TypeName);
        var targets = new Dictionary<string, TargetFile>(StringComparer.Ordinal);
        foreach (var property in fields.Object("targets").Element.EnumerateObject())
        {
            targets[property.Name] = TargetFile.Parse(JsonFields.Of(property.Value, role, $"target '{property.Name}'"));
        }

        var delegations = fields.Has("delegations") ? Delegations.Parse(fields.Object("delegations")) : null;
        return new TargetsMetadata(specVersion, version, expires, targets, delegations);
    }

    public override JsonObject ToJson()
    {
        var json = Header();
        var targets = new JsonObject();
        foreach (var (path, file) in Targets)
        {
            targets[path] = file.ToJson();
        }

        json["targets"] = targets;
        if (Delegations is not null)
        {
            json["delegations"] = Delegations.ToJson();
        }

        return json;
    }
}
