using System.Security.Cryptography;
using NSec.Cryptography;

namespace Outpost.Trust.Tuf.Keys;

/// <summary>
/// A private key that signs TUF metadata (offline in the CLI, online snapshot/timestamp keys on the server).
/// Private keys travel as PKCS#8 DER for every scheme, so one file format holds them all.
/// </summary>
public sealed class TufSigningKey : IDisposable
{
    private readonly Key? _ed25519;
    private readonly ECDsa? _ecdsa;
    private readonly RSA? _rsa;

    private TufSigningKey(string scheme, Key? ed25519, ECDsa? ecdsa, RSA? rsa)
    {
        Scheme = scheme;
        _ed25519 = ed25519;
        _ecdsa = ecdsa;
        _rsa = rsa;
        PublicKey = scheme switch
        {
            TufSchemes.Ed25519 => new TufKey(TufSchemes.Ed25519KeyType, scheme,
                Convert.ToHexStringLower(ed25519!.PublicKey.Export(KeyBlobFormat.RawPublicKey))),
            TufSchemes.EcdsaP256 => new TufKey(TufSchemes.EcdsaKeyType, scheme, PublicKeyEncoding.Pem(ecdsa!)),
            _ => new TufKey(TufSchemes.RsaKeyType, scheme, PublicKeyEncoding.Pem(rsa!)),
        };
        KeyId = PublicKey.ComputeKeyId();
    }

    public string Scheme { get; }

    public TufKey PublicKey { get; }

    public string KeyId { get; }

    /// <exception cref="ArgumentException">The scheme is not one of <see cref="TufSchemes.All"/>.</exception>
    public static TufSigningKey Generate(string scheme) => scheme switch
    {
        TufSchemes.Ed25519 => new TufSigningKey(scheme, Key.Create(SignatureAlgorithm.Ed25519, Exportable), null, null),
        TufSchemes.EcdsaP256 => new TufSigningKey(scheme, null, ECDsa.Create(ECCurve.NamedCurves.nistP256), null),
        TufSchemes.RsaPss or TufSchemes.RsaPkcs1 => new TufSigningKey(scheme, null, null, RSA.Create(3072)),
        _ => throw new ArgumentException($"unsupported TUF signature scheme '{scheme}'", nameof(scheme)),
    };

    /// <exception cref="ArgumentException">Unknown scheme, or a key that does not fit it.</exception>
    public static TufSigningKey ImportPkcs8(string scheme, ReadOnlySpan<byte> pkcs8)
    {
        switch (scheme)
        {
            case TufSchemes.Ed25519:
                if (!Key.TryImport(SignatureAlgorithm.Ed25519, pkcs8, KeyBlobFormat.PkixPrivateKey, out var key, Exportable))
                {
                    throw new ArgumentException("not an Ed25519 PKCS#8 private key", nameof(pkcs8));
                }

                return new TufSigningKey(scheme, key, null, null);
            case TufSchemes.EcdsaP256:
                var ecdsa = ECDsa.Create();
                ecdsa.ImportPkcs8PrivateKey(pkcs8, out _);
                if (ecdsa.ExportParameters(includePrivateParameters: false).Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
                {
                    ecdsa.Dispose();
                    throw new ArgumentException("not a P-256 private key", nameof(pkcs8));
                }

                return new TufSigningKey(scheme, null, ecdsa, null);
            case TufSchemes.RsaPss or TufSchemes.RsaPkcs1:
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(pkcs8, out _);
                return new TufSigningKey(scheme, null, null, rsa);
            default:
                throw new ArgumentException($"unsupported TUF signature scheme '{scheme}'", nameof(scheme));
        }
    }

    public byte[] ExportPkcs8() =>
        _ed25519?.Export(KeyBlobFormat.PkixPrivateKey)
        ?? _ecdsa?.ExportPkcs8PrivateKey()
        ?? _rsa!.ExportPkcs8PrivateKey();

    /// <summary>Signs the exact bytes given: for metadata, the canonical JSON of its "signed" object.</summary>
    public byte[] Sign(ReadOnlySpan<byte> message) => Scheme switch
    {
        TufSchemes.Ed25519 => SignatureAlgorithm.Ed25519.Sign(_ed25519!, message),
        TufSchemes.EcdsaP256 => _ecdsa!.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence),
        TufSchemes.RsaPss => _rsa!.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        _ => _rsa!.SignData(message, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
    };

    public void Dispose()
    {
        _ed25519?.Dispose();
        _ecdsa?.Dispose();
        _rsa?.Dispose();
    }

    private static KeyCreationParameters Exportable => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
}
