using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Trust.Certificates;

/// <summary>Minimum key strength for device certificates: ECDSA P-256/P-384/P-521 or RSA of at least 2048 bits.</summary>
public static class KeyStrength
{
    public const int MinimumRsaBits = 2048;

    /// <summary>Null when the key is acceptable, else the reason it is not.</summary>
    public static string? Check(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        using (var ec = publicKey.GetECDsaPublicKey())
        {
            if (ec is not null)
            {
                var curve = ec.ExportParameters(false).Curve;
                var name = curve.Oid.FriendlyName ?? curve.Oid.Value;
                return name is "nistP256" or "nistP384" or "nistP521" or "ECDSA_P256" or "ECDSA_P384" or "ECDSA_P521"
                    or "1.2.840.10045.3.1.7" or "1.3.132.0.34" or "1.3.132.0.35"
                    ? null
                    : $"weak key: elliptic curve '{name}' is not allowed (use P-256, P-384 or P-521).";
            }
        }

        using (var rsa = publicKey.GetRSAPublicKey())
        {
            if (rsa is not null)
            {
                return rsa.KeySize >= MinimumRsaBits
                    ? null
                    : $"weak key: RSA {rsa.KeySize} bits is below the minimum of {MinimumRsaBits}.";
            }
        }

        return $"weak key: key algorithm {publicKey.Oid.FriendlyName ?? publicKey.Oid.Value} is not allowed (use ECDSA P-256 or RSA >= 2048).";
    }
}
