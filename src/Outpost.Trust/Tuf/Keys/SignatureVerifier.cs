using System.Security.Cryptography;
using NSec.Cryptography;

namespace Outpost.Trust.Tuf.Keys;

/// <summary>
/// Verifies one signature with one key. Never throws: an unknown scheme, a malformed key or signature is simply
/// "does not verify", so a repository listing a key this client cannot use cannot crash it (TUF 4.2).
/// </summary>
internal static class SignatureVerifier
{
    public static bool Verify(TufKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        try
        {
            return key.Scheme switch
            {
                TufSchemes.Ed25519 when key.KeyType == TufSchemes.Ed25519KeyType => VerifyEd25519(key, message, signature),
                TufSchemes.EcdsaP256 when key.KeyType is TufSchemes.EcdsaKeyType or TufSchemes.LegacyEcdsaKeyType =>
                    VerifyEcdsa(key, message, signature),
                TufSchemes.RsaPss when key.KeyType == TufSchemes.RsaKeyType =>
                    VerifyRsa(key, message, signature, RSASignaturePadding.Pss),
                TufSchemes.RsaPkcs1 when key.KeyType == TufSchemes.RsaKeyType =>
                    VerifyRsa(key, message, signature, RSASignaturePadding.Pkcs1),
                _ => false,
            };
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    private static bool VerifyEd25519(TufKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        var algorithm = SignatureAlgorithm.Ed25519;
        var raw = Convert.FromHexString(key.PublicValue);
        if (raw.Length != algorithm.PublicKeySize || signature.Length != algorithm.SignatureSize)
        {
            return false;
        }

        var publicKey = PublicKey.Import(algorithm, raw, KeyBlobFormat.RawPublicKey);
        return algorithm.Verify(publicKey, message, signature);
    }

    private static bool VerifyEcdsa(TufKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = PublicKeyEncoding.ImportEcdsaP256(key.PublicValue);
        if (ecdsa is null)
        {
            return false;
        }

        // securesystemslib and go-tuf sign ECDSA as an ASN.1 DER SEQUENCE { r, s }.
        return ecdsa.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static bool VerifyRsa(TufKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature, RSASignaturePadding padding)
    {
        if (!key.PublicValue.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
        {
            return false;
        }

        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.PublicValue);
        return rsa.VerifyData(message, signature, HashAlgorithmName.SHA256, padding);
    }
}
