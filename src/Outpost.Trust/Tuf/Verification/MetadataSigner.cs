using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Outpost.Trust.Tuf.Json;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tuf.Verification;

/// <summary>Produces signed metadata files: each key signs the canonical JSON of "signed" (TUF 4.2).</summary>
public static class MetadataSigner
{
    public static byte[] Sign(TufSigned metadata, IEnumerable<TufSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return Sign(metadata.ToJson(), keys);
    }

    /// <summary>Signs an arbitrary "signed" object, e.g. one with fields this model does not know.</summary>
    public static byte[] Sign(JsonObject signedObject, IEnumerable<TufSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(signedObject);
        using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(signedObject.ToJsonString()), CanonicalJson.DocumentOptions);
        return AddSignatures(document.RootElement, [], keys);
    }

    /// <summary>Adds signatures to an existing file (root rotation: old and new root keys sign on separate machines).</summary>
    public static byte[] AddSignatures(ReadOnlyMemory<byte> file, IEnumerable<TufSigningKey> keys, string role)
    {
        var envelope = TufEnvelope.Parse(file, role);
        return AddSignatures(envelope.SignedElement, envelope.Signatures, keys);
    }

    private static byte[] AddSignatures(JsonElement signed, IEnumerable<TufSignature> existing, IEnumerable<TufSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var canonical = CanonicalJson.Serialize(signed);
        var signatures = new List<TufSignature>();
        foreach (var signature in existing)
        {
            signatures.Add(signature);
        }

        foreach (var key in keys)
        {
            signatures.RemoveAll(s => s.KeyId == key.KeyId);
            signatures.Add(new TufSignature(key.KeyId, Convert.ToHexStringLower(key.Sign(canonical))));
        }

        return TufEnvelope.Write(signed, signatures);
    }
}
