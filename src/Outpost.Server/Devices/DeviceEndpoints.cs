using System.Text.Json;
using Microsoft.Extensions.Options;
using Outpost.Protocol;
using Outpost.Protocol.Devices;
using Outpost.Server.Certificates;
using Outpost.Server.Http;
using Outpost.Server.Observability;
using Outpost.Server.Storage;
using Outpost.Trust.Certificates;

namespace Outpost.Server.Devices;

/// <summary>Check-in and renewal: mutual TLS, identity from the client certificate only.</summary>
internal static class DeviceEndpoints
{
    private const int MaxLabelLength = 128;

    public static void MapDeviceRoutes(this IEndpointRouteBuilder device)
    {
        device.MapPost(DeviceApiRoutes.CheckIn, CheckInAsync)
            .Accepts<CheckInRequest>("application/json").Produces<CheckInResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        device.MapPost(DeviceApiRoutes.RenewCertificate, RenewAsync)
            .Accepts<CertificateRenewalRequest>("application/json").Produces<CertificateRenewalResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> CheckInAsync(
        HttpContext http, DeviceAuthenticator authenticator, CheckInWriteBehind buffer, IOptions<DevicesOptions> options, TimeProvider time,
        ServerMetrics metrics)
    {
        var (device, refusal) = await authenticator.AuthenticateAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var (request, error) = await JsonBody.ReadAsync(http, OutpostJsonContext.Default.CheckInRequest);
        if (error is not null)
        {
            return error;
        }

        if (request!.AgentVersion.Length is 0 or > MaxLabelLength)
        {
            return Problems.BadRequest("agentVersion", $"agentVersion must be 1 to {MaxLabelLength} characters.");
        }

        if (request.DeviceClass.Length is 0 or > MaxLabelLength)
        {
            return Problems.BadRequest("deviceClass", $"deviceClass must be 1 to {MaxLabelLength} characters.");
        }

        if (UpdateReportRules.Validate(request) is { } updateError)
        {
            return updateError;
        }

        var now = time.GetUtcNow();
        metrics.CheckIns.Inc();
        buffer.Enqueue(new DeviceCheckIn(
            device!.Id, now, request.AgentVersion, request.DeviceClass,
            JsonSerializer.Serialize(request.System, OutpostJsonContext.Default.SystemSnapshot),
            request.Update is null ? null : JsonSerializer.Serialize(request.Update, OutpostJsonContext.Default.UpdateReport),
            request.CurrentRelease, request.PreviousRelease));
        return TypedResults.Json(
            new CheckInResponse
            {
                Desired = device.DesiredRelease is null ? DesiredState.Empty : new DesiredState { ReleaseId = device.DesiredRelease },
                NextCheckInSeconds = (int)options.Value.CheckInInterval.TotalSeconds,
                ServerTime = now,
            },
            OutpostJsonContext.Default.CheckInResponse);
    }

    private static async Task<IResult> RenewAsync(
        HttpContext http, DeviceAuthenticator authenticator, DeviceCertificateIssuer issuer, IDeviceStore devices,
        ILogger<DeviceAuthenticator> logger)
    {
        var (device, refusal) = await authenticator.AuthenticateAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        var (request, error) = await JsonBody.ReadAsync(http, OutpostJsonContext.Default.CertificateRenewalRequest);
        if (error is not null)
        {
            return error;
        }

        var csr = CsrValidation.Validate(request!.CsrPem);
        if (!csr.IsValid)
        {
            Log.DeviceRefused(logger, DeviceApiRoutes.RenewCertificate, http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                device!.Id, csr.Error);
            return Problems.BadRequest("csrPem", csr.Error);
        }

        using var certificate = issuer.Issue(device!.Id, csr.Request);
        var notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
        if (!await devices.ReplaceCertificateAsync(device.Id, certificate.SerialNumber, notAfter, http.RequestAborted))
        {
            return Problems.Forbidden("device revoked");
        }

        Log.CertificateRenewed(logger, device.Id, certificate.SerialNumber, notAfter);
        return TypedResults.Json(
            new CertificateRenewalResponse { CertificatePem = certificate.ExportCertificatePem(), NotAfter = notAfter },
            OutpostJsonContext.Default.CertificateRenewalResponse);
    }
}
