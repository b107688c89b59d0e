using System.Globalization;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>Fields every role's "signed" object has (TUF 4.3): _type, spec_version, version, expires.</summary>
public abstract record TufSigned(string SpecVersion, long Version, DateTimeOffset Expires)
{
    /// <summary>The spec_version this implementation writes; it reads any 1.x.</summary>
    public const string CurrentSpecVersion = "1.0.31";

    public abstract string Type { get; }

    public bool IsExpired(DateTimeOffset referenceTime) => referenceTime >= Expires;

    public abstract JsonObject ToJson();

    protected JsonObject Header() => new()
    {
        ["_type"] = Type,
        ["spec_version"] = SpecVersion,
        ["version"] = Version,
        ["expires"] = JsonFields.FormatExpires(Expires),
    };

    internal static (string SpecVersion, long Version, DateTimeOffset Expires) ReadHeader(JsonFields fields, string type)
    {
        var actual = fields.String("_type");
        if (actual != type)
        {
            throw new TufException(fields.Role, TufFailure.WrongType, $"expected _type '{type}', got '{actual}'");
        }

        var specVersion = fields.String("spec_version");
        var major = specVersion.Split('.')[0];
        if (major != "1")
        {
            throw new TufException(fields.Role, TufFailure.UnsupportedSpecVersion,
                string.Create(CultureInfo.InvariantCulture, $"spec_version {specVersion} is not 1.x"));
        }

        return (specVersion, fields.Integer("version", 1), fields.Expires());
    }
}
