using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Http;

namespace Outpost.Server.Telemetry;

/// <summary>
/// Reads a <see cref="TelemetryBatch"/> body: plain or <c>Content-Encoding: gzip</c>, at most
/// <see cref="TelemetryLimits.MaxBatchBytes"/> on the wire and decompressed (413), bad gzip or JSON → 400.
/// </summary>
internal static class TelemetryBody
{
    public static async Task<(TelemetryBatch? Batch, IResult? Error)> ReadAsync(HttpContext http)
    {
        // The listener-wide body limit is small (check-ins); a batch may be up to the contract's 4 MiB.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = TelemetryLimits.MaxBatchBytes;
        }

        var encoding = http.Request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.UnsupportedMediaType("Content-Encoding must be gzip or absent."));
        }

        var original = http.Request.Body;
        Stream? decompressed = gzip ? new GZipStream(original, CompressionMode.Decompress, leaveOpen: true) : null;
        http.Request.Body = new LimitedReadStream(decompressed ?? original, TelemetryLimits.MaxBatchBytes);
        try
        {
            return await JsonBody.ReadAsync(http, OutpostJsonContext.Default.TelemetryBatch);
        }
        catch (BodyTooLargeException ex)
        {
            return (null, Problems.TooLarge(ex.Message));
        }
        catch (InvalidDataException)
        {
            return (null, Problems.BadRequest("$", "The body is not valid gzip (Content-Encoding: gzip)."));
        }
        finally
        {
            http.Request.Body = original;
            if (decompressed is not null)
            {
                await decompressed.DisposeAsync();
            }
        }
    }
}
