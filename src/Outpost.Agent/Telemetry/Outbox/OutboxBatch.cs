using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>
/// The oldest records of one channel in sequence order, as stored (record JSON without its sequence, see
/// <see cref="RecordBody"/>), with the channel's cumulative drops for <c>TelemetryBatch.Drops</c>.
/// </summary>
internal sealed record OutboxBatch(TelemetryChannel Channel, IReadOnlyList<OutboxBatch.Row> Rows, StreamDrops? Drops)
{
    public long LastSequence => Rows[^1].Sequence;

    public long BodyBytes => Rows.Sum(r => (long)r.Body.Length);

    internal sealed record Row(long Sequence, byte[] Body);
}
