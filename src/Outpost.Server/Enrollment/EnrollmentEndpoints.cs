using Microsoft.Extensions.Options;
using Outpost.Protocol;
using Outpost.Protocol.Enrollment;
using Outpost.Server.Certificates;
using Outpost.Server.Devices;
using Outpost.Server.Http;
using Outpost.Server.Security;
using Outpost.Server.Storage;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Enrollment;

internal static class EnrollmentEndpoints
{
    public static void MapEnrollment(this IEndpointRouteBuilder device)
    {
        device.MapPost(DeviceApiRoutes.Enroll, EnrollAsync)
            .Accepts<EnrollmentRequest>("application/json").Produces<EnrollmentResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status401Unauthorized);

        // Public by nature: the CA certificate is what agents verify the server with, not a secret.
        device.MapGet(DeviceApiRoutes.CaCertificate, (ServerCredentials credentials) =>
            Results.Text(credentials.Authority.PublicCertificate.ExportCertificatePem(), "application/x-pem-file"));
    }

    private static async Task<IResult> EnrollAsync(
        HttpContext http, IEnrollmentTokenStore tokens, IDeviceStore devices, DeviceCertificateIssuer issuer,
        ServerCredentials credentials, IOptions<DevicesOptions> options, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Outpost.Server.Enrollment");
        var remote = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (request, error) = await JsonBody.ReadAsync(http, OutpostJsonContext.Default.EnrollmentRequest);
        if (error is not null)
        {
            Log.EnrollmentRefused(logger, remote, "malformed request body");
            return error;
        }

        var now = time.GetUtcNow();
        var token = await tokens.FindByHashAsync(TokenSecrets.Hash(request!.Token), http.RequestAborted);
        if (EnrollmentTokenRules.RefusalReason(token, now) is { } reason)
        {
            Log.EnrollmentRefused(logger, remote, reason);
            return Problems.Unauthorized($"Enrollment refused: {reason}.");
        }

        if (request.Hostname is { Length: > 253 })
        {
            Log.EnrollmentRefused(logger, remote, "hostname too long");
            return Problems.BadRequest("hostname", "hostname must be at most 253 characters.");
        }

        var csr = CsrValidation.Validate(request.CsrPem);
        if (!csr.IsValid)
        {
            Log.EnrollmentRefused(logger, remote, csr.Error);
            return Problems.BadRequest("csrPem", csr.Error);
        }

        var deviceId = RandomIds.New("dev-");
        using var certificate = issuer.Issue(deviceId, csr.Request);
        var device = new DeviceRecord
        {
            Id = deviceId, Hostname = request.Hostname, Site = token!.Site, Tags = token.Tags, EnrolledAt = now,
            CertificateSerial = certificate.SerialNumber, CertificateNotAfter = certificate.NotAfter.ToUniversalTime(),
        };
        if (await devices.EnrollAsync(device, token.Id, now, http.RequestAborted) != EnrollOutcome.Enrolled)
        {
            // Lost a race for the last use (or the token was revoked meanwhile): report the token's state now.
            var latest = EnrollmentTokenRules.RefusalReason(await tokens.GetAsync(token.Id, http.RequestAborted), now)
                ?? "enrollment token no longer usable";
            Log.EnrollmentRefused(logger, remote, latest);
            return Problems.Unauthorized($"Enrollment refused: {latest}.");
        }

        Log.DeviceEnrolled(logger, deviceId, device.Site, token.Id, device.CertificateSerial, device.CertificateNotAfter);
        return TypedResults.Json(
            new EnrollmentResponse
            {
                DeviceId = deviceId,
                CertificatePem = certificate.ExportCertificatePem(),
                CaCertificatePem = credentials.Authority.Pem,
                CheckInIntervalSeconds = (int)options.Value.CheckInInterval.TotalSeconds,
            },
            OutpostJsonContext.Default.EnrollmentResponse);
    }
}
