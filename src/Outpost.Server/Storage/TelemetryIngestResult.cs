namespace Outpost.Server.Storage;

/// <summary>What one batch did: the stream's maximum after commit, how many records were new and how many duplicates.</summary>
internal sealed record TelemetryIngestResult(long StoredThrough, int Stored, int Duplicates);
