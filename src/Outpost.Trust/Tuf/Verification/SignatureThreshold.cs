using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tuf.Verification;

/// <summary>Threshold signature counting (TUF 4.2 ROLE threshold; 5.3.4, 5.4.2, 5.5.3, 5.6.3).</summary>
public static class SignatureThreshold
{
    /// <summary>
    /// Counts distinct keys that are authorized for the role and whose signature over the canonical "signed" verifies.
    /// A key id signing twice, listed twice, or the same public key listed under two key ids counts once; signatures
    /// by unknown keys, unknown schemes or in a bad encoding count zero and never throw.
    /// </summary>
    public static int CountValid(TufEnvelope envelope, RoleKeys role, IReadOnlyDictionary<string, TufKey> keys)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(keys);
        var authorized = new HashSet<string>(role.KeyIds, StringComparer.Ordinal);
        var countedKeyIds = new HashSet<string>(StringComparer.Ordinal);
        var countedKeys = new HashSet<(string, string)>();
        foreach (var signature in envelope.Signatures)
        {
            if (countedKeyIds.Contains(signature.KeyId)
                || !authorized.Contains(signature.KeyId)
                || !keys.TryGetValue(signature.KeyId, out var key)
                || countedKeys.Contains((key.KeyType, key.PublicValue))
                || !TryDecodeHex(signature.Sig, out var sig))
            {
                continue;
            }

            if (SignatureVerifier.Verify(key, envelope.CanonicalSigned.Span, sig))
            {
                countedKeyIds.Add(signature.KeyId);
                countedKeys.Add((key.KeyType, key.PublicValue));
            }
        }

        return countedKeyIds.Count;
    }

    /// <exception cref="TufException"><see cref="TufFailure.ThresholdNotMet"/> naming <paramref name="roleName"/>.</exception>
    public static void Require(TufEnvelope envelope, RoleKeys role, IReadOnlyDictionary<string, TufKey> keys, string roleName)
    {
        var valid = CountValid(envelope, role, keys);
        if (valid < role.Threshold)
        {
            throw new TufException(roleName, TufFailure.ThresholdNotMet,
                $"{valid} valid signature(s) from distinct authorized keys, threshold is {role.Threshold}");
        }
    }

    private static bool TryDecodeHex(string hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length % 2 != 0)
        {
            return false;
        }

        bytes = new byte[hex.Length / 2];
        return Convert.FromHexString(hex, bytes, out _, out _) == System.Buffers.OperationStatus.Done;
    }
}
