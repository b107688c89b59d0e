using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using Outpost.Trust.Certificates;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Cli.Keys;

/// <summary>
/// Offline private key files: PKCS#8 PEM ("PRIVATE KEY"), or encrypted PKCS#8 ("ENCRYPTED PRIVATE KEY", PBES2 with
/// PBKDF2-SHA256 and AES-256-CBC) when a passphrase is given — the format openssl reads, for every scheme. Mode 0600.
/// </summary>
internal static class KeyFile
{
    private const string PlainLabel = "PRIVATE KEY";
    private const string EncryptedLabel = "ENCRYPTED PRIVATE KEY";
    private const string Ed25519Oid = "1.3.101.112";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";

    // OWASP 2023 guidance for PBKDF2-HMAC-SHA256; a key file is opened once per command, so the cost is acceptable.
    private static readonly PbeParameters Encryption = new(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 600_000);

    public static void Write(string path, TufSigningKey key, string? passphrase)
    {
        ArgumentNullException.ThrowIfNull(key);
        var pkcs8 = key.ExportPkcs8();
        try
        {
            var pem = passphrase is null
                ? PemEncoding.Write(PlainLabel, pkcs8)
                : PemEncoding.Write(EncryptedLabel, Pkcs8PrivateKeyInfo.Decode(pkcs8, out _, skipCopy: true).Encrypt(passphrase, Encryption));
            PrivateFile.Write(path, new string(pem) + "\n");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    /// <exception cref="CliException">Unreadable, not a key, encrypted without passphrase, or a wrong passphrase.</exception>
    public static TufSigningKey Read(string path, string? passphrase)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read key file {path}: {e.Message}", ExitCodes.Failure, e);
        }

        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw new CliException($"{path} is not a PEM private key file");
        }

        var label = text[fields.Label];
        var der = Convert.FromBase64String(text[fields.Base64Data]);
        Pkcs8PrivateKeyInfo info;
        try
        {
            info = label switch
            {
                PlainLabel => Pkcs8PrivateKeyInfo.Decode(der, out _),
                EncryptedLabel when passphrase is null =>
                    throw new CliException($"{path} is encrypted: pass --passphrase-file"),
                EncryptedLabel => Pkcs8PrivateKeyInfo.DecryptAndDecode(passphrase, der, out _),
                _ => throw new CliException($"{path} holds a '{label}', not a PKCS#8 private key"),
            };
        }
        catch (CryptographicException e)
        {
            var reason = label == EncryptedLabel ? "wrong passphrase or damaged file" : e.Message;
            throw new CliException($"cannot decrypt {path}: {reason}", ExitCodes.Failure, e);
        }

        var scheme = info.AlgorithmId.Value switch
        {
            Ed25519Oid => TufSchemes.Ed25519,
            EcPublicKeyOid => TufSchemes.EcdsaP256,
            var other => throw new CliException($"{path} holds an unsupported key type (algorithm {other})"),
        };
        var pkcs8 = label == PlainLabel ? der : info.Encode();
        try
        {
            return TufSigningKey.ImportPkcs8(scheme, pkcs8);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new CliException($"{path}: {e.Message}", ExitCodes.Failure, e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }
}
