using System.Security.Cryptography;

namespace Outpost.Trust.Tuf.Keys;

/// <summary>How securesystemslib writes public key material into <c>keyval.public</c>.</summary>
internal static class PublicKeyEncoding
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>SubjectPublicKeyInfo PEM with the trailing newline that pyca/cryptography emits.</summary>
    public static string Pem(AsymmetricAlgorithm key) => key.ExportSubjectPublicKeyInfoPem() + "\n";

    /// <summary>
    /// PEM (securesystemslib) or, for roots made by older go-tuf (e.g. early sigstore roots), the hex SEC1
    /// uncompressed point. Returns null for anything that is not a P-256 key.
    /// </summary>
    public static ECDsa? ImportEcdsaP256(string value)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            if (value.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
            {
                ecdsa.ImportFromPem(value);
            }
            else
            {
                var point = Convert.FromHexString(value);
                if (point.Length != 65 || point[0] != 0x04)
                {
                    ecdsa.Dispose();
                    return null;
                }

                ecdsa.ImportParameters(new ECParameters
                {
                    Curve = ECCurve.NamedCurves.nistP256,
                    Q = new ECPoint { X = point[1..33], Y = point[33..] },
                });
            }

            if (ecdsa.ExportParameters(includePrivateParameters: false).Curve.Oid?.Value != P256Oid)
            {
                ecdsa.Dispose();
                return null;
            }

            return ecdsa;
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }
}
