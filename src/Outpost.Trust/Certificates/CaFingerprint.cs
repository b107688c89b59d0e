using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Trust.Certificates;

/// <summary>The SHA-256 fingerprint an operator pins at enrollment (<c>--ca-fingerprint</c>), as lowercase hex.</summary>
public static class CaFingerprint
{
    public static string Of(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.RawData));
    }

    /// <summary>Compares ignoring case and the ':' separators that tools like openssl print.</summary>
    public static bool Matches(X509Certificate2 certificate, string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var normalized = expected.Replace(":", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        return CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(Of(certificate)),
            System.Text.Encoding.ASCII.GetBytes(normalized));
    }
}
