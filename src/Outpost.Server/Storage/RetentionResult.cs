namespace Outpost.Server.Storage;

/// <summary>Rows one compaction pass rolled up or deleted.</summary>
internal sealed record RetentionResult(long MetricWindowsRolledUp, long MetricWindowsDeleted, long EntriesDeleted);
