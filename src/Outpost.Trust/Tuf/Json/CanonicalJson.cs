using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Outpost.Trust.Tuf.Json;

/// <summary>
/// OLPC canonical JSON as securesystemslib's <c>encode_canonical</c> (and go-tuf's cjson) produce it, which is
/// what TUF signs (TUF 4.2): no whitespace, object keys sorted by Unicode code point, strings as raw UTF-8 with
/// only <c>"</c> and <c>\</c> escaped, integers only (floats are refused, as securesystemslib refuses them).
/// </summary>
public static class CanonicalJson
{
    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Options every TUF document is parsed with: duplicate keys would let two parsers see two documents.</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 64,
    };

    /// <exception cref="FormatException">The value holds a non-integer number or an invalid string.</exception>
    public static byte[] Serialize(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(element, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses arbitrary JSON bytes (refusing duplicate keys) and returns their canonical form.</summary>
    public static byte[] Canonicalize(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Serialize(document.RootElement);
        }
        catch (InvalidOperationException ex)
        {
            // The duplicate-key check unescapes names and throws this for a lone surrogate escape.
            throw new FormatException("JSON text is not valid Unicode", ex);
        }
    }

    private static void Write(JsonElement element, ArrayBufferWriter<byte> output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, output);
                break;
            case JsonValueKind.Array:
                output.Write("["u8);
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Write(","u8);
                    }

                    first = false;
                    Write(item, output);
                }

                output.Write("]"u8);
                break;
            case JsonValueKind.String:
                WriteString(GetString(element), output);
                break;
            case JsonValueKind.Number:
                WriteInteger(element, output);
                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            case JsonValueKind.Null:
                output.Write("null"u8);
                break;
            default:
                throw new FormatException($"cannot canonicalize a JSON {element.ValueKind}");
        }
    }

    private static void WriteObject(JsonElement element, ArrayBufferWriter<byte> output)
    {
        var properties = new List<(byte[] Key, JsonElement Value)>();
        foreach (var property in element.EnumerateObject())
        {
            properties.Add((Encode(PropertyName(property)), property.Value));
        }

        // Code point order == UTF-8 byte order; securesystemslib sorts Python str keys, which compare by code point.
        properties.Sort(static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
        output.Write("{"u8);
        for (var i = 0; i < properties.Count; i++)
        {
            if (i > 0)
            {
                if (properties[i].Key.AsSpan().SequenceEqual(properties[i - 1].Key))
                {
                    throw new FormatException("duplicate object key");
                }

                output.Write(","u8);
            }

            WriteEscaped(properties[i].Key, output);
            output.Write(":"u8);
            Write(properties[i].Value, output);
        }

        output.Write("}"u8);
    }

    private static void WriteInteger(JsonElement element, ArrayBufferWriter<byte> output)
    {
        var raw = element.GetRawText();
        var digits = raw.StartsWith('-') ? raw.AsSpan(1) : raw.AsSpan();
        if (digits.Length == 0 || digits.ContainsAnyExcept(Digits))
        {
            throw new FormatException($"canonical JSON allows integers only, not {raw}");
        }

        output.Write(Encoding.ASCII.GetBytes(raw == "-0" ? "0" : raw));
    }

    // An escaped lone surrogate ("\ud800") makes System.Text.Json throw InvalidOperationException on read;
    // hostile metadata must end in a FormatException (a refusal), never in another exception type.
    private static string GetString(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException("string is not valid Unicode", ex);
        }
    }

    private static string PropertyName(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException ex)
        {
            throw new FormatException("object key is not valid Unicode", ex);
        }
    }

    private static void WriteString(string value, ArrayBufferWriter<byte> output) => WriteEscaped(Encode(value), output);

    private static byte[] Encode(string value)
    {
        try
        {
            return StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException ex)
        {
            throw new FormatException("string is not valid Unicode (lone surrogate)", ex);
        }
    }

    private static void WriteEscaped(ReadOnlySpan<byte> utf8, ArrayBufferWriter<byte> output)
    {
        output.Write("\""u8);
        foreach (var b in utf8)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                output.Write("\\"u8);
            }

            output.GetSpan(1)[0] = b;
            output.Advance(1);
        }

        output.Write("\""u8);
    }
}
