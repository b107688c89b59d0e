using System.Globalization;
using Microsoft.Playwright;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// Loads one page N times in Chromium and reads the browser's own clocks: Server-Timing (the server's <c>app</c>
/// duration), Navigation Timing (responseStart−requestStart, responseEnd, domContentLoadedEventEnd, loadEventEnd,
/// all from navigation start) and First Contentful Paint. Median and p95 (nearest rank) per measure.
/// </summary>
internal sealed record PageTimings(string Page, int Devices, int Status, IReadOnlyDictionary<string, double[]> Samples)
{
    public static readonly string[] Measures = ["server", "ttfb", "responseEnd", "dcl", "load", "fcp"];

    private const string Script =
        """
        async () => {
          await new Promise(r => setTimeout(r, 0)); // loadEventEnd is set once the load handlers have returned
          const fcp = await new Promise(resolve => {
            const found = performance.getEntriesByName('first-contentful-paint')[0];
            if (found) { resolve(found.startTime); return; }
            new PerformanceObserver(list => {
              const e = list.getEntries().find(x => x.name === 'first-contentful-paint');
              if (e) resolve(e.startTime);
            }).observe({ type: 'paint', buffered: true });
            setTimeout(() => resolve(-1), 5000);
          });
          const n = performance.getEntriesByType('navigation')[0];
          const app = (n.serverTiming || []).find(s => s.name === 'app');
          return [app ? app.duration : -1, n.responseStart - n.requestStart, n.responseEnd, n.domContentLoadedEventEnd, n.loadEventEnd, fcp];
        }
        """;

    public static async Task<PageTimings> MeasureAsync(IPage page, string path, int devices, int loads)
    {
        var samples = Measures.ToDictionary(m => m, _ => new List<double>());
        var status = 0;
        await page.GotoAsync(path); // warm-up: first-render JIT and caches are not what an operator sees all day
        for (var i = 0; i < loads; i++)
        {
            var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            status = response?.Status ?? 0;
            var values = await page.EvaluateAsync<double[]>(Script);
            for (var m = 0; m < Measures.Length; m++)
            {
                if (values[m] >= 0)
                {
                    samples[Measures[m]].Add(values[m]);
                }
            }
        }

        return new PageTimings(path, devices, status, samples.ToDictionary(s => s.Key, s => s.Value.Order().ToArray()));
    }

    public double Median(string measure) => Percentile(Samples[measure], 50);

    public double P95(string measure) => Percentile(Samples[measure], 95);

    public string Row() =>
        $"| {Page} | {Devices:N0} | {Status} | {Samples["ttfb"].Length} | " +
        string.Join(" | ", Measures.Select(m => Samples[m].Length == 0 ? "n/a" : Format(Median(m)) + " / " + Format(P95(m)))) + " |";

    public static string Header() =>
        "| page | devices | status | loads | server app ms | responseStart−requestStart ms | responseEnd ms | DOMContentLoaded ms | load ms | FCP ms |\n" +
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";

    private static string Format(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);

    private static double Percentile(double[] sorted, double percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
