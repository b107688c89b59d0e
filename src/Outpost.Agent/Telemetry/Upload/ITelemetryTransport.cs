using Outpost.Agent.Sync;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Upload;

/// <summary>Sends one gzip-compressed <see cref="TelemetryBatch"/> JSON and returns the server's acknowledgement.</summary>
internal interface ITelemetryTransport
{
    Task<DeviceCallResult<TelemetryAck>> UploadAsync(ReadOnlyMemory<byte> gzipJson, CancellationToken cancellationToken);
}
