namespace Outpost.Agent.Telemetry.Upload;

/// <summary>
/// Bandwidth-aware batch size. After each upload the next batch is scaled so that it would take about the target
/// duration at the throughput just measured (records per second), growing at most 2x per step; a failure halves it.
/// A slow or lossy link therefore gets small batches that finish well inside the request timeout and lose little
/// work when cut, a fast one gets large batches up to the server's limits (5,000 records, 4 MiB decompressed).
/// </summary>
internal sealed class BatchSizer(TimeSpan target)
{
    public const int MaxRecords = 5000;

    /// <summary>Body bytes per batch: the 4 MiB server limit less room for the batch envelope and per-record sequence prefixes.</summary>
    public const long MaxBodyBytes = (4L << 20) - (MaxRecords * 32L) - 4096;

    public const int MinRecords = 1;

    public int Records { get; private set; } = 500;

    public static long Bytes => MaxBodyBytes;

    public void Succeeded(int records, TimeSpan elapsed)
    {
        if (records < Records)
        {
            // The outbox had less than a full batch: nothing learnt about the link's capacity.
            return;
        }

        var scale = elapsed <= TimeSpan.Zero ? 2.0 : Math.Clamp(target / elapsed, 0.25, 2.0);
        Records = (int)Math.Clamp(Records * scale, MinRecords, MaxRecords);
    }

    public void Failed() => Records = Math.Max(MinRecords, Records / 2);

    /// <summary>The server refused a batch as too large or invalid: retry with half of it (down to one record).</summary>
    public void Shrink(int refusedRecords) => Records = Math.Max(MinRecords, refusedRecords / 2);
}
