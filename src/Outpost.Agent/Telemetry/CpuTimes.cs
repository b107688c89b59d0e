namespace Outpost.Agent.Telemetry;

/// <summary>Cumulative CPU jiffies since boot: time spent busy and in total (busy + idle + iowait).</summary>
internal readonly record struct CpuTimes(ulong Busy, ulong Total)
{
    /// <summary>Busy share between <paramref name="earlier"/> and this sample, 0..100; null if no time passed or counters went back.</summary>
    public double? PercentSince(CpuTimes earlier)
    {
        if (Total <= earlier.Total || Busy < earlier.Busy)
        {
            return null;
        }

        var percent = 100.0 * (Busy - earlier.Busy) / (Total - earlier.Total);
        return Math.Clamp(Math.Round(percent, 1), 0, 100);
    }
}
