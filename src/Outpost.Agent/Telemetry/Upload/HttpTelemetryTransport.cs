using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Outpost.Agent.Sync;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Upload;

/// <summary>
/// Uploads over the device's own mTLS client (<see cref="HttpDeviceTransport"/>): the same pinned CA and client
/// certificate as check-ins, and the same connection pool, replaced when the certificate is renewed.
/// </summary>
internal sealed class HttpTelemetryTransport(HttpDeviceTransport device) : ITelemetryTransport
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public Task<DeviceCallResult<TelemetryAck>> UploadAsync(ReadOnlyMemory<byte> gzipJson, CancellationToken cancellationToken)
    {
        var content = MemoryMarshal.TryGetArray(gzipJson, out var segment)
            ? new ByteArrayContent(segment.Array!, segment.Offset, segment.Count)
            : new ByteArrayContent(gzipJson.ToArray());
        content.Headers.ContentType = Json;
        content.Headers.ContentEncoding.Add("gzip");
        return SendAsync(content, cancellationToken);
    }

    private async Task<DeviceCallResult<TelemetryAck>> SendAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        {
            return await device.PostAsync(DeviceApiRoutes.Telemetry, content, OutpostJsonContext.Default.TelemetryAck, cancellationToken);
        }
    }
}
