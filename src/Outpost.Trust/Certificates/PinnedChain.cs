using System.Security.Cryptography.X509Certificates;

namespace Outpost.Trust.Certificates;

/// <summary>
/// Chain validation against one pinned root and nothing else (no system trust store): used by the agent to
/// check the server and by the server to check devices.
/// </summary>
public static class PinnedChain
{
    /// <summary>
    /// A chain policy that trusts <paramref name="root"/> and nothing else, never downloads (no AIA fetches from a
    /// device or server), and does not check revocation: the server's own device registry is the revocation list,
    /// checked per request, and there is no CRL/OCSP to reach. Also for SslStream's own chain build during the
    /// handshake, which otherwise walks the system trust store.
    /// </summary>
    public static X509ChainPolicy Policy(X509Certificate2 root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.Add(root);
        return policy;
    }

    /// <summary>True when <paramref name="leaf"/> chains to <paramref name="root"/> and is valid at <paramref name="at"/>.</summary>
    public static bool Validate(X509Certificate2 leaf, X509Certificate2 root, DateTimeOffset at, out string? error)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(root);
        using var chain = new X509Chain { ChainPolicy = Policy(root) };
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (chain.Build(leaf))
        {
            error = null;
            return true;
        }

        error = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0));
        if (error.Length == 0)
        {
            error = "certificate does not chain to the pinned CA";
        }

        return false;
    }
}
