namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>
/// One channel's counters. <see cref="NextSequence"/> and the drop counts are persisted in the <c>channels</c> table in
/// the same transaction as the rows they describe; record and byte counts are recomputed from the rows on open.
/// </summary>
internal record struct ChannelState(
    long NextSequence, long Records, long Bytes, long DroppedRecords, long DroppedBytes, long ReportedRecords, long ReportedBytes);
