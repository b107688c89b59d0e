namespace Outpost.Sim.Reporting;

internal static class Percentiles
{
    /// <summary>Nearest-rank percentile of <paramref name="sorted"/> (ascending); NaN when empty.</summary>
    public static double Of(double[] sorted, double percent) =>
        sorted.Length == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static SimLatency Summarize(double[] latencies)
    {
        Array.Sort(latencies);
        return new SimLatency
        {
            Count = latencies.Length,
            P50Ms = Round(Of(latencies, 50)),
            P95Ms = Round(Of(latencies, 95)),
            P99Ms = Round(Of(latencies, 99)),
            MaxMs = Round(latencies.Length == 0 ? double.NaN : latencies[^1]),
        };
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 2);
}
