using System.Security.Cryptography.X509Certificates;
using Outpost.Server.Certificates;
using Outpost.Server.Http;
using Outpost.Server.Storage;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Devices;

/// <summary>
/// Who is calling a device route: the CN of a client certificate that chains to the fleet CA, is in its validity
/// period, and is the device's current or previous certificate. The device row is read on every request (no cache)
/// so a revocation takes effect on the very next request.
/// </summary>
internal sealed class DeviceAuthenticator(
    ServerCredentials credentials, IDeviceStore devices, TimeProvider time, ILogger<DeviceAuthenticator> logger)
{
    public async Task<(DeviceCredential? Device, IResult? Refusal)> AuthenticateAsync(HttpContext http)
    {
        var certificate = http.Connection.ClientCertificate;
        if (certificate is null)
        {
            return Refuse(http, null, StatusCodes.Status401Unauthorized, "no client certificate");
        }

        var now = time.GetUtcNow();
        var connection = http.Features.Get<DeviceConnectionState>();
        if (connection is not null && ReferenceEquals(connection.ValidatedCertificate, certificate))
        {
            if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
            {
                return Refuse(http, certificate, StatusCodes.Status401Unauthorized, "certificate not valid for this fleet: outside its validity period (expired)");
            }
        }
        else if (!PinnedChain.Validate(certificate, credentials.Authority.PublicCertificate, now, out var chainError))
        {
            return Refuse(http, certificate, StatusCodes.Status401Unauthorized, $"certificate not valid for this fleet: {chainError}");
        }
        else if (connection is not null)
        {
            connection.ValidatedCertificate = certificate;
        }

        var deviceId = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        var device = string.IsNullOrEmpty(deviceId) ? null : await devices.GetCredentialAsync(deviceId, http.RequestAborted);
        if (device is null)
        {
            return Refuse(http, certificate, StatusCodes.Status401Unauthorized, "unknown device");
        }

        if (device.RevokedAt is not null)
        {
            return Refuse(http, certificate, StatusCodes.Status403Forbidden, "device revoked");
        }

        var serial = certificate.SerialNumber;
        if (!string.Equals(serial, device.CertificateSerial, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(serial, device.PreviousCertificateSerial, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(http, certificate, StatusCodes.Status401Unauthorized, "certificate superseded by a later renewal");
        }

        return (device, null);
    }

    private (DeviceCredential?, IResult?) Refuse(HttpContext http, X509Certificate2? certificate, int status, string reason)
    {
        Log.DeviceRefused(logger, http.Request.Path.Value ?? "/", http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            certificate?.Subject ?? "(none)", reason);
        return (null, status == StatusCodes.Status403Forbidden ? Problems.Forbidden(reason) : Problems.Unauthorized(reason));
    }
}
