using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Keys;

/// <summary>
/// A public key as TUF metadata lists it (TUF 4.2): <c>{"keytype", "scheme", "keyval": {"public"}}</c>.
/// Key types and schemes this client does not implement parse fine; such keys just never verify anything.
/// </summary>
public sealed record TufKey(string KeyType, string Scheme, string PublicValue)
{
    /// <summary>TUF 4.2 KEYID: hex SHA-256 of the canonical JSON of the key object.</summary>
    public string ComputeKeyId() => ComputeKeyId(ToJson());

    public static string ComputeKeyId(JsonNode keyObject)
    {
        ArgumentNullException.ThrowIfNull(keyObject);
        using var document = JsonDocument.Parse(keyObject.ToJsonString(), CanonicalJson.DocumentOptions);
        return ComputeKeyId(document.RootElement);
    }

    /// <summary>Over the key object exactly as received: securesystemslib keys may carry extra fields (keyid_hash_algorithms).</summary>
    public static string ComputeKeyId(JsonElement keyObject) =>
        Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(keyObject)));

    public JsonObject ToJson() => new()
    {
        ["keytype"] = KeyType,
        ["scheme"] = Scheme,
        ["keyval"] = new JsonObject { ["public"] = PublicValue },
    };

    internal static TufKey Parse(JsonElement element, string role)
    {
        var fields = JsonFields.Of(element, role, "key");
        // Only keyval.public of the schemes we implement is read; a key type with another keyval shape must not
        // make the whole metadata unreadable (TUF 4.2: unknown keys are simply unusable), so it becomes "".
        var keyVal = fields.Object("keyval").Element;
        var publicValue = keyVal.TryGetProperty("public", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : string.Empty;
        return new TufKey(fields.String("keytype"), fields.String("scheme"), publicValue);
    }
}
