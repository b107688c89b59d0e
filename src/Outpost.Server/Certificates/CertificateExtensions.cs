using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Outpost.Server.Certificates;

internal static class CertificateExtensions
{
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");

    public static OidCollection ClientAuthentication => [ClientAuth];

    public static OidCollection ServerAuthentication => [ServerAuth];

    /// <summary>A positive 128-bit random serial (RFC 5280 4.1.2.2: positive, at most 20 octets, unpredictable).</summary>
    public static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x40);
        return serial;
    }

    /// <summary>Writes the certificate PEM (public) and its private key (0600) side by side.</summary>
    public static void SaveWithKey(this X509Certificate2 certificate, ECDsa key, string certificatePath, string keyPath)
    {
        Trust.Certificates.PrivateFile.Write(keyPath, key.ExportPkcs8PrivateKeyPem());
        Directory.CreateDirectory(Path.GetDirectoryName(certificatePath)!);
        var temp = certificatePath + ".tmp";
        File.WriteAllText(temp, certificate.ExportCertificatePem());
        File.Move(temp, certificatePath, overwrite: true);
    }
}
