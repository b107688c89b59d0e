using Microsoft.AspNetCore.Http.Metadata;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Devices;
using Outpost.Server.Observability;
using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

/// <summary>
/// <c>POST /v1/device/telemetry</c>: identity from the client certificate, one validated batch of one stream stored in
/// one transaction, acknowledged only after commit (docs/telemetry.md, "Ingest").
/// </summary>
internal static class TelemetryIngestEndpoint
{
    public static void MapTelemetryIngest(this IEndpointRouteBuilder device)
    {
        // No Accepts<> metadata: routing would answer a wrong content type with a bare 404 instead of our 415.
        device.MapPost(DeviceApiRoutes.Telemetry, IngestAsync)
            .Produces<TelemetryAck>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static async Task<IResult> IngestAsync(
        HttpContext http, DeviceAuthenticator authenticator, ITelemetryStore store, ServerMetrics metrics, TimeProvider time,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Outpost.Server.Telemetry.Ingest");
        var (device, refusal) = await authenticator.AuthenticateAsync(http);
        var (batch, error) = refusal is null ? await TelemetryBody.ReadAsync(http) : (null, refusal);
        error ??= TelemetryBatchRules.Validate(batch!);
        if (error is not null)
        {
            var status = (error as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status400BadRequest;
            metrics.Refused(status);
            if (refusal is null)
            {
                Log.BatchRefused(logger, device!.Id, status, ((error as IValueHttpResult)?.Value as Microsoft.AspNetCore.Mvc.ProblemDetails)?.Detail ?? "");
            }

            return error;
        }

        var result = await store.IngestAsync(device!.Id, batch!, time.GetUtcNow(), http.RequestAborted);
        metrics.Ingested(batch!.Stream, result.Stored, result.Duplicates);
        Log.BatchStored(logger, device.Id, batch.Stream, result.Stored, result.Duplicates, result.StoredThrough);
        return TypedResults.Json(new TelemetryAck { Stream = batch.Stream, StoredThrough = result.StoredThrough }, OutpostJsonContext.Default.TelemetryAck);
    }
}
