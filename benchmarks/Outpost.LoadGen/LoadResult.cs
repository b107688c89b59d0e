using System.Globalization;

namespace Outpost.LoadGen;

/// <summary>Latencies of one run, merged from all workers.</summary>
internal sealed record LoadResult(string Name, long Requests, long Errors, TimeSpan Duration, double[] LatenciesMs)
{
    public double Rate => Requests / Duration.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public void Print() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {Rate:F0} req/s  p50 {Percentile(50):F2} ms  p99 {Percentile(99):F2} ms  requests {Requests}  errors {Errors}  ({Duration.TotalSeconds:F1} s)"));
}
