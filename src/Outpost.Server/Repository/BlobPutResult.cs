namespace Outpost.Server.Repository;

/// <summary>
/// The outcome of an upload. ActualSha256 is the hash of the bytes received (null when the upload stopped at the
/// size cap); Length is the bytes received (for TooLarge: up to the point the cap was exceeded).
/// </summary>
internal sealed record BlobPutResult(BlobPutOutcome Outcome, string? ActualSha256, long Length);
