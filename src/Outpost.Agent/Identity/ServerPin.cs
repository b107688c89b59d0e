using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Identity;

/// <summary>
/// How the agent trusts the server: never the system trust store, only the fleet CA. Either the CA certificate is
/// known (a file, or ca.crt after enrollment), or only its SHA-256 fingerprint is, in which case the CA must be among
/// the certificates the server presents in the handshake and the leaf must chain to it.
/// </summary>
internal sealed class ServerPin
{
    private readonly X509Certificate2? _ca;
    private readonly string? _fingerprint;
    private readonly TimeProvider _time;

    private ServerPin(X509Certificate2? ca, string? fingerprint, TimeProvider time)
    {
        _ca = ca;
        _fingerprint = fingerprint;
        _time = time;
    }

    /// <summary>The CA the last accepted handshake chained to (with a fingerprint pin: the one the server presented).</summary>
    public X509Certificate2? PinnedCa { get; private set; }

    /// <summary>Why the last handshake was refused, for a one-line error.</summary>
    public string? LastError { get; private set; }

    public static ServerPin ForCa(X509Certificate2 ca, TimeProvider time) => new(ca, null, time);

    public static ServerPin ForFingerprint(string fingerprint, TimeProvider time) => new(null, fingerprint, time);

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var accepted = Check(certificate as X509Certificate2, chain, errors, out var ca, out var error);
        // SslStream disposes the chain's certificates after this callback; keep our own copy.
        PinnedCa = accepted && ca is not null ? X509CertificateLoader.LoadCertificate(ca.RawData) : null;
        LastError = error;
        return accepted;
    }

    private bool Check(X509Certificate2? leaf, X509Chain? chain, SslPolicyErrors errors, out X509Certificate2? ca, out string? error)
    {
        ca = null;
        if (leaf is null)
        {
            error = "the server presented no certificate";
            return false;
        }

        // Chain errors are expected (the fleet CA is not in the system store) and are decided by PinnedChain below;
        // a host name that the certificate does not cover is not.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            error = $"the server certificate ({leaf.Subject}) does not cover the host name in the server URL";
            return false;
        }

        ca = _ca ?? FindPresented(leaf, chain);
        if (ca is null)
        {
            error = $"the server did not present a CA certificate with fingerprint {_fingerprint}";
            return false;
        }

        if (!PinnedChain.Validate(leaf, ca, _time.GetUtcNow(), out var chainError))
        {
            error = $"the server certificate does not chain to the pinned CA: {chainError}";
            return false;
        }

        error = null;
        return true;
    }

    private X509Certificate2? FindPresented(X509Certificate2 leaf, X509Chain? chain)
    {
        if (chain is null || _fingerprint is null)
        {
            return null;
        }

        // The handshake's extra certificates land in ExtraStore; ChainElements covers platforms that only build.
        IEnumerable<X509Certificate2> presented = [.. chain.ChainPolicy.ExtraStore, .. chain.ChainElements.Select(e => e.Certificate)];
        return presented.FirstOrDefault(c => !c.Equals(leaf) && CaFingerprint.Matches(c, _fingerprint));
    }
}
