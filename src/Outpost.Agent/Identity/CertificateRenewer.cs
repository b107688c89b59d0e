using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Sync;
using Outpost.Protocol.Devices;
using Outpost.Trust.Certificates;

namespace Outpost.Agent.Identity;

/// <summary>
/// Renews the device certificate with a fresh key pair when less than <c>threshold</c> of its lifetime remains,
/// stores the pair crash-safely (<see cref="IdentityStore.CommitPair"/>) and hands the new certificate to the
/// transport, so the running process switches identity without a restart.
/// </summary>
internal sealed class CertificateRenewer(
    IdentityStore store,
    X509Certificate2 ca,
    X509Certificate2 current,
    double renewalThreshold,
    TimeProvider time,
    ILogger<CertificateRenewer> logger)
{
    public X509Certificate2 Current { get; private set; } = current;

    public bool IsDue()
    {
        var lifetime = Current.NotAfter - Current.NotBefore;
        var remaining = new DateTimeOffset(Current.NotAfter.ToUniversalTime()) - time.GetUtcNow();
        return remaining < lifetime * renewalThreshold;
    }

    /// <summary>True when a new certificate is in use. Failures are logged and retried on the next check-in.</summary>
    public async Task<bool> RenewAsync(IDeviceTransport transport, CancellationToken cancellationToken)
    {
        var deviceId = Current.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        Log.RenewalStarted(logger, deviceId, Current.NotAfter.ToUniversalTime());
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = await transport.RenewCertificateAsync(
            new CertificateRenewalRequest { CsrPem = DeviceCsr.Create(key, deviceId) }, cancellationToken);
        if (result.Value is not { } response)
        {
            Log.RenewalFailed(logger, result.Status, result.Detail ?? "", Current.NotAfter.ToUniversalTime());
            return false;
        }

        var keyPem = key.ExportPkcs8PrivateKeyPem();
        var problem = Check(response.CertificatePem, keyPem, deviceId);
        if (problem is not null)
        {
            Log.RenewalRejected(logger, problem);
            return false;
        }

        store.CommitPair(keyPem, response.CertificatePem);
        var renewed = X509Certificate2.CreateFromPem(response.CertificatePem, keyPem);
        transport.UseClientCertificate(renewed);
        Current = renewed;
        Log.Renewed(logger, deviceId, renewed.NotAfter.ToUniversalTime());
        return true;
    }

    // The server is trusted for TLS, but a certificate we would store must still be ours: our new key, our identity,
    // issued by the pinned CA. Otherwise we would brick the device by committing it.
    private string? Check(string certificatePem, string keyPem, string deviceId)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(certificatePem);
            if (!IdentityStore.PemPairMatches(certificatePem, keyPem))
            {
                return "the renewed certificate is not for the key pair the agent just made";
            }

            if (certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false) != deviceId)
            {
                return $"the renewed certificate names another device ({certificate.Subject})";
            }

            return PinnedChain.Validate(certificate, ca, time.GetUtcNow(), out var error) ? null : error;
        }
        catch (CryptographicException ex)
        {
            return $"the renewed certificate is not a valid PEM certificate: {ex.Message}";
        }
    }
}
