using System.Diagnostics;

namespace Outpost.LoadGen;

/// <summary>Runs <c>connections</c> workers, each on its own keep-alive connection, for a fixed time.</summary>
internal static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(string name, IReadOnlyList<HttpClient> clients, Func<HttpClient, Task<bool>> call, TimeSpan duration)
    {
        // Warm-up: TLS handshakes and JIT outside the measured window.
        await Task.WhenAll(clients.Select(call));
        var stop = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(clients.Select(async client =>
        {
            var latencies = new List<double>(4096);
            long errors = 0;
            while (stop.Elapsed < duration)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = await call(client);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!ok)
                {
                    errors++;
                }
            }

            return (latencies, errors);
        }));
        var elapsed = stop.Elapsed;
        var all = perWorker.SelectMany(w => w.latencies).ToArray();
        return new LoadResult(name, all.Length, perWorker.Sum(w => w.errors), elapsed, all);
    }
}
