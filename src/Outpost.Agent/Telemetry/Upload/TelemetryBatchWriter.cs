using System.Buffers;
using System.Text.Json;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Upload;

/// <summary>
/// Writes a <see cref="TelemetryBatch"/> from stored rows without deserializing them: the rows already hold their
/// record JSON (<see cref="RecordBody"/>), so the batch is that JSON spliced between a header and the drops.
/// </summary>
internal static class TelemetryBatchWriter
{
    public static void Write(IBufferWriter<byte> destination, OutboxBatch batch)
    {
        Raw(destination, "{\"stream\":"u8);
        Raw(destination, JsonSerializer.SerializeToUtf8Bytes(batch.Channel, OutpostJsonContext.Default.TelemetryChannel));
        Raw(destination, ",\"records\":["u8);
        for (var i = 0; i < batch.Rows.Count; i++)
        {
            if (i > 0)
            {
                Raw(destination, ","u8);
            }

            RecordBody.WriteRecord(destination, batch.Rows[i].Sequence, batch.Rows[i].Body);
        }

        Raw(destination, "]"u8);
        if (batch.Drops is { } drops)
        {
            Raw(destination, ",\"drops\":"u8);
            Raw(destination, JsonSerializer.SerializeToUtf8Bytes(drops, OutpostJsonContext.Default.StreamDrops));
        }

        Raw(destination, "}"u8);
    }

    private static void Raw(IBufferWriter<byte> destination, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination.GetSpan(bytes.Length));
        destination.Advance(bytes.Length);
    }
}
