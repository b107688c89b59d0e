using System.Text.Json;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tuf.Metadata;

/// <summary>
/// A metadata file as received: <c>{"signed": {...}, "signatures": [...]}</c> (TUF 4.2). Signatures are checked
/// against the canonical form of "signed" exactly as received, so fields this client does not model still count.
/// </summary>
public sealed class TufEnvelope
{
    private TufEnvelope(JsonElement signed, byte[] canonicalSigned, IReadOnlyList<TufSignature> signatures)
    {
        SignedElement = signed;
        CanonicalSigned = canonicalSigned;
        Signatures = signatures;
    }

    public JsonElement SignedElement { get; }

    /// <summary>The bytes every signature signs.</summary>
    public ReadOnlyMemory<byte> CanonicalSigned { get; }

    public IReadOnlyList<TufSignature> Signatures { get; }

    /// <exception cref="TufException">Not JSON, duplicate keys, floats, or not the envelope shape.</exception>
    public static TufEnvelope Parse(ReadOnlyMemory<byte> bytes, string role)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes, CanonicalJson.DocumentOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new TufException(role, TufFailure.Format, $"not valid JSON: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json's duplicate-key check throws this for a lone surrogate escape in a key.
            throw new TufException(role, TufFailure.Format, "JSON text is not valid Unicode", ex);
        }

        var fields = JsonFields.Of(root, role, "metadata file");
        var signed = fields.Get("signed", JsonValueKind.Object);
        byte[] canonical;
        try
        {
            canonical = CanonicalJson.Serialize(signed);
        }
        catch (FormatException ex)
        {
            throw new TufException(role, TufFailure.Format, $"'signed' has no canonical form: {ex.Message}", ex);
        }

        var signatures = new List<TufSignature>();
        foreach (var item in fields.Get("signatures", JsonValueKind.Array).EnumerateArray())
        {
            var signature = JsonFields.Of(item, role, "signature");
            signatures.Add(new TufSignature(signature.String("keyid"), signature.String("sig")));
        }

        return new TufEnvelope(signed, canonical, signatures);
    }

    /// <summary>
    /// Serializes a file as ordinary compact JSON. Not canonical JSON: that leaves control characters (the newlines
    /// of a PEM key) unescaped, which is fine for hashing but not a valid JSON document.
    /// </summary>
    internal static byte[] Write(JsonElement signed, IEnumerable<TufSignature> signatures)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("signatures");
            foreach (var signature in signatures)
            {
                writer.WriteStartObject();
                writer.WriteString("keyid", signature.KeyId);
                writer.WriteString("sig", signature.Sig);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WritePropertyName("signed");
            signed.WriteTo(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
