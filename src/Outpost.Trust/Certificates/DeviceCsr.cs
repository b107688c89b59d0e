using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Trust.Certificates;

/// <summary>Builds the PKCS#10 request a device sends at enrollment and renewal. The key never leaves the device.</summary>
public static class DeviceCsr
{
    /// <summary>A PEM CSR for <paramref name="key"/>. The subject is informative only: the server assigns the identity.</summary>
    public static string Create(ECDsa key, string commonName)
    {
        ArgumentNullException.ThrowIfNull(key);
        var request = new CertificateRequest(
            new X500DistinguishedName($"CN={Escape(commonName)}"), key, HashAlgorithmName.SHA256);
        return request.CreateSigningRequestPem();
    }

    // X.500 special characters would let a host name inject RDNs; CN is cosmetic, so drop them.
    private static string Escape(string value) =>
        new([.. value.Where(c => char.IsLetterOrDigit(c) || c is '-' or '.' or '_')]);
}
