using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outpost.Trust.Tuf.Json;

/// <summary>Typed reads of TUF fields that turn every shape error into a <see cref="TufException"/> naming the role.</summary>
internal readonly struct JsonFields(JsonElement element, string role)
{
    public JsonElement Element { get; } = element;

    public string Role { get; } = role;

    public static JsonFields Of(JsonElement element, string role, string what)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new TufException(role, TufFailure.Format, $"{what} must be a JSON object");
        }

        return new JsonFields(element, role);
    }

    public bool Has(string name) => Element.TryGetProperty(name, out _);

    public JsonElement Get(string name, JsonValueKind kind)
    {
        if (!Element.TryGetProperty(name, out var value))
        {
            throw Fail($"missing field '{name}'");
        }

        var actual = value.ValueKind is JsonValueKind.True or JsonValueKind.False ? JsonValueKind.True : value.ValueKind;
        if (actual != kind)
        {
            throw Fail($"field '{name}' must be {kind}, not {value.ValueKind}");
        }

        return value;
    }

    public string String(string name)
    {
        try
        {
            return Get(name, JsonValueKind.String).GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw Fail($"field '{name}' is not valid Unicode");
        }
    }

    public JsonFields Object(string name) => new(Get(name, JsonValueKind.Object), Role);

    public long Integer(string name, long min)
    {
        var element = Get(name, JsonValueKind.Number);
        if (!element.TryGetInt64(out var value) || value < min || element.GetRawText().AsSpan().ContainsAny(".eE"))
        {
            throw Fail($"field '{name}' must be an integer >= {min.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    public long? OptionalInteger(string name, long min) => Has(name) ? Integer(name, min) : null;

    public bool Boolean(string name, bool fallback) => Has(name) ? Get(name, JsonValueKind.True).GetBoolean() : fallback;

    public IReadOnlyList<string> StringArray(string name)
    {
        var list = new List<string>();
        foreach (var item in Get(name, JsonValueKind.Array).EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Fail($"field '{name}' must hold strings only");
            }

            list.Add(item.GetString()!);
        }

        return list;
    }

    /// <summary>A hashes object: algorithm name → lowercase hex digest (TUF 4.4 HASHES).</summary>
    public IReadOnlyDictionary<string, string> Hashes(string name)
    {
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in Object(name).Element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.String)
            {
                throw Fail($"hash '{property.Name}' must be a hex string");
            }

            hashes[property.Name] = property.Value.GetString()!.ToLowerInvariant();
        }

        if (hashes.Count == 0)
        {
            throw Fail($"field '{name}' must list at least one hash");
        }

        return hashes;
    }

    /// <summary>TUF 4.3 EXPIRES: "YYYY-MM-DDTHH:MM:SSZ"; fractional seconds are tolerated, other offsets are not.</summary>
    public DateTimeOffset Expires()
    {
        var text = String("expires");
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];
        if (!DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expires))
        {
            throw Fail($"field 'expires' must be UTC ISO 8601 like 2030-01-01T00:00:00Z, not '{text}'");
        }

        return expires;
    }

    public TufException Fail(string detail) => new(Role, TufFailure.Format, detail);

    public static string FormatExpires(DateTimeOffset expires) =>
        expires.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject HashesToJson(IReadOnlyDictionary<string, string> hashes)
    {
        var json = new JsonObject();
        foreach (var (algorithm, digest) in hashes)
        {
            json[algorithm] = digest;
        }

        return json;
    }
}
