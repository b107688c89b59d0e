namespace Outpost.Agent.Updates.Downloads;

/// <summary>
/// "Full jitter" exponential backoff, random(0, min(max, base · 2^(failures-1))): many devices cut off by the same
/// outage do not return to the server (or a mirror) at the same moment.
/// </summary>
internal static class RetryBackoff
{
    /// <summary>The wait after the <paramref name="failures"/>-th consecutive failure (from 1); <paramref name="random01"/> is in [0, 1).</summary>
    public static TimeSpan FullJitter(int failures, TimeSpan baseDelay, TimeSpan maxDelay, double random01)
    {
        var ticks = baseDelay.Ticks;
        for (var i = 1; i < Math.Min(failures, 62) && ticks < maxDelay.Ticks; i++)
        {
            ticks *= 2;
        }

        return TimeSpan.FromTicks((long)(Math.Min(ticks, maxDelay.Ticks) * random01));
    }
}
