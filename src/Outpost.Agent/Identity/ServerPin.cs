using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Identity;

/// <summary>
/// How the agent trusts the server: never the system trust store, only the fleet CA (a file at enrollment, ca.crt
/// afterwards, or the certificate <see cref="CaDiscovery"/> matched to a fingerprint), and the host name in the URL.
/// </summary>
internal sealed class ServerPin(X509Certificate2 ca, TimeProvider time)
{
    public X509Certificate2 Ca { get; } = ca;

    /// <summary>Why the last handshake was refused, for a one-line error.</summary>
    public string? LastError { get; private set; }

    /// <summary>
    /// Makes a client's handshakes trust this pin: the validation callback, and a chain policy holding only the fleet CA
    /// so SslStream's own chain build (made before the callback, whatever it decides) does not walk the system trust
    /// store — most of a handshake's CPU otherwise, on a small device and in a simulator of thousands.
    /// </summary>
    public void Apply(SslClientAuthenticationOptions options)
    {
        options.CertificateChainPolicy = PinnedChain.Policy(Ca);
        options.RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Validate(certificate, chain, errors);
    }

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        LastError = Check(certificate as X509Certificate2, errors);
        return LastError is null;
    }

    private string? Check(X509Certificate2? leaf, SslPolicyErrors errors)
    {
        if (leaf is null)
        {
            return "the server presented no certificate";
        }

        // Chain errors are expected (the fleet CA is not in the system store) and are decided by PinnedChain below;
        // a host name that the certificate does not cover is not.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"the server certificate ({leaf.Subject}) does not cover the host name in the server URL";
        }

        return PinnedChain.Validate(leaf, Ca, time.GetUtcNow(), out var chainError)
            ? null
            : $"the server certificate does not chain to the pinned CA: {chainError}";
    }
}
