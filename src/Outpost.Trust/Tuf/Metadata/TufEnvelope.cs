using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>Serializes a file: canonical JSON of the whole envelope, so what is stored is what was signed.</summary>
    internal static byte[] Write(JsonElement signed, IEnumerable<TufSignature> signatures)
    {
        var list = new JsonArray();
        foreach (var signature in signatures)
        {
            list.Add((JsonNode)new JsonObject { ["keyid"] = signature.KeyId, ["sig"] = signature.Sig });
        }

        var envelope = new JsonObject { ["signatures"] = list, ["signed"] = JsonNode.Parse(signed.GetRawText()) };
        using var document = JsonDocument.Parse(envelope.ToJsonString(), CanonicalJson.DocumentOptions);
        return CanonicalJson.Serialize(document.RootElement);
    }
}
