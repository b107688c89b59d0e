using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>
/// A record is stored as its wire JSON minus the leading <c>{"sequence":N,</c>: the sequence lives in its own column
/// and is put back when the batch is written, so the wire format has one definition (OutpostJsonContext) and the
/// outbox can renumber rows without rewriting them (see <see cref="TelemetryOutbox.Acknowledge"/>).
/// </summary>
internal static class RecordBody
{
    private static readonly byte[] Prefix = "{\"sequence\":0,"u8.ToArray();

    public static byte[] Serialize(OutboxEntry entry)
    {
        var record = new TelemetryRecord
        {
            Sequence = 0,
            At = entry.At,
            Name = entry.Name,
            Level = entry.Level,
            Message = entry.Message,
            Value = entry.Value,
            Attributes = entry.Attributes,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(record, OutpostJsonContext.Default.TelemetryRecord);
        // Sequence is the first declared property, so the generator always writes it first.
        if (!json.AsSpan().StartsWith(Prefix))
        {
            throw new InvalidOperationException("TelemetryRecord no longer serializes its sequence first");
        }

        return json[Prefix.Length..];
    }

    /// <summary>Writes the record back in wire form: <c>{"sequence":N,</c> + stored body.</summary>
    public static void WriteRecord(IBufferWriter<byte> destination, long sequence, ReadOnlySpan<byte> body)
    {
        var span = destination.GetSpan(32 + body.Length);
        "{\"sequence\":"u8.CopyTo(span);
        var length = 12;
        sequence.TryFormat(span[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;
        span[length++] = (byte)',';
        body.CopyTo(span[length..]);
        destination.Advance(length + body.Length);
    }
}
