using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Identity;

/// <summary>
/// The agent's data folder: device.key (0600), device.crt, ca.crt, agent.json.
/// <para>
/// A key and its certificate live in two files, and no rename can replace two files at once. So a new pair is
/// first written in full under pending names (device.key.next, then device.crt.next, each atomic and fsynced)
/// and then promoted: key first, cert second. <see cref="Recover"/> runs before every load and finishes or
/// discards whatever a crash left behind, deciding by comparing public keys, never by file names alone. The
/// result is that device.key and device.crt always form a matching pair when the agent loads them.
/// </para>
/// </summary>
internal sealed class IdentityStore(string dataDirectory)
{
    public string DataDirectory { get; } = dataDirectory;

    public string KeyPath => Path.Combine(DataDirectory, "device.key");

    public string CertificatePath => Path.Combine(DataDirectory, "device.crt");

    public string CaPath => Path.Combine(DataDirectory, "ca.crt");

    public string StatePath => Path.Combine(DataDirectory, "agent.json");

    private string PendingKeyPath => KeyPath + ".next";

    private string PendingCertificatePath => CertificatePath + ".next";

    public bool HasEnrollment => File.Exists(StatePath) || File.Exists(CertificatePath) || File.Exists(KeyPath);

    /// <summary>Stores a new key and certificate so that a crash at any point leaves one matching pair.</summary>
    public void CommitPair(string keyPem, string certificatePem)
    {
        if (!PemPairMatches(certificatePem, keyPem))
        {
            throw new CryptographicException("the certificate does not belong to the private key");
        }

        PrivateFile.Write(PendingKeyPath, keyPem);
        PrivateFile.Write(PendingCertificatePath, certificatePem);
        Promote();
    }

    public void WriteCa(string caPem) => PrivateFile.Write(CaPath, caPem);

    public void WriteState(AgentState state) =>
        PrivateFile.Write(StatePath, JsonSerializer.SerializeToUtf8Bytes(state, AgentJsonContext.Default.AgentState));

    /// <summary>The stored state, or null when there is none or it is unreadable (the caller says which file).</summary>
    public AgentState? ReadState()
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(StatePath), AgentJsonContext.Default.AgentState);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>device.crt with its private key attached, after finishing any interrupted commit.</summary>
    public X509Certificate2 LoadClientCertificate()
    {
        Recover();
        return X509Certificate2.CreateFromPem(File.ReadAllText(CertificatePath), File.ReadAllText(KeyPath));
    }

    public X509Certificate2 LoadCa() => X509CertificateLoader.LoadCertificateFromFile(CaPath);

    /// <summary>Finishes or rolls back a <see cref="CommitPair"/> that a crash interrupted.</summary>
    public void Recover()
    {
        var pendingKey = ReadOrNull(PendingKeyPath);
        var pendingCert = ReadOrNull(PendingCertificatePath);
        if (pendingKey is not null && pendingCert is not null && PemPairMatches(pendingCert, pendingKey))
        {
            // Crash after both pending files were complete, before or during promotion: roll forward.
            Promote();
            return;
        }

        if (pendingKey is null && pendingCert is not null && ReadOrNull(KeyPath) is { } key && PemPairMatches(pendingCert, key))
        {
            // Crash between "key promoted" and "cert promoted": device.key is new, device.crt.next is its cert.
            File.Move(PendingCertificatePath, CertificatePath, overwrite: true);
            return;
        }

        // Anything else pending is a half-written pair (e.g. crash before the new cert arrived): the current pair
        // is intact, so drop the leftovers.
        DeleteIfExists(PendingKeyPath);
        DeleteIfExists(PendingCertificatePath);
    }

    private void Promote()
    {
        File.Move(PendingKeyPath, KeyPath, overwrite: true);
        File.Move(PendingCertificatePath, CertificatePath, overwrite: true);
    }

    internal static bool PemPairMatches(string certificatePem, string keyPem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            using var key = ECDsa.Create();
            key.ImportFromPem(keyPem);
            return certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan()
                .SequenceEqual(key.ExportSubjectPublicKeyInfo());
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
