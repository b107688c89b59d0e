using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Identity;

/// <summary>
/// How the agent trusts the server: never the system trust store, only the fleet CA — given as a file, fetched and
/// checked against a pinned fingerprint (<see cref="CaBootstrap"/>), or ca.crt after enrollment.
/// </summary>
internal sealed class ServerPin
{
    private readonly X509Certificate2 _ca;
    private readonly TimeProvider _time;

    private ServerPin(X509Certificate2 ca, TimeProvider time)
    {
        _ca = ca;
        _time = time;
    }

    /// <summary>The CA the last accepted handshake chained to.</summary>
    public X509Certificate2? PinnedCa { get; private set; }

    /// <summary>Why the last handshake was refused, for a one-line error.</summary>
    public string? LastError { get; private set; }

    public static ServerPin ForCa(X509Certificate2 ca, TimeProvider time) => new(ca, time);

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var accepted = Check(certificate as X509Certificate2, errors, out var error);
        PinnedCa = accepted ? _ca : null;
        LastError = error;
        return accepted;
    }

    private bool Check(X509Certificate2? leaf, SslPolicyErrors errors, out string? error)
    {
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

        if (!PinnedChain.Validate(leaf, _ca, _time.GetUtcNow(), out var chainError))
        {
            error = $"the server certificate does not chain to the pinned CA: {chainError}";
            return false;
        }

        error = null;
        return true;
    }
}
