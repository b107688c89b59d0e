using System.Globalization;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Playwright;
using Outpost.EndToEnd.Infrastructure;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// The engine of benchmarks/dashboard-render.sh, skipped unless OUTPOST_DASHBOARD_BENCH_DEVICES is set: a real
/// outpost-server whose SQLite database holds N devices over 50 sites (written straight into the database) and three
/// signed releases; Chromium loads the overview, the devices page and a filtered devices page N times each and reads
/// Server-Timing, Navigation Timing and First Contentful Paint. The baseline, in the same run on the same server: the
/// same pages with 100 devices, and the login page (no database read at all).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DashboardRenderBenchmarkTests
{
    private const int BaselineDevices = 100;
    private static readonly string[] Releases = ["cam@1.0.0", "cam@1.1.0", "cam@2.0.0"];

    [Fact]
    public async Task DashboardRender_OverviewAndDevicesPages_TimeToFirstRender()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("OUTPOST_DASHBOARD_BENCH_DEVICES"), CultureInfo.InvariantCulture, out var devices))
        {
            Assert.Skip("set OUTPOST_DASHBOARD_BENCH_DEVICES=N to run the dashboard render benchmark (benchmarks/dashboard-render.sh)");
        }

        Assert.True(devices > BaselineDevices, $"OUTPOST_DASHBOARD_BENCH_DEVICES must be above the {BaselineDevices}-device baseline");
        var loads = int.TryParse(Environment.GetEnvironmentVariable("OUTPOST_DASHBOARD_BENCH_LOADS"), CultureInfo.InvariantCulture, out var l) ? l : 30;
        Chromium.Require();
        // No live refresh while measuring: a background poll would land inside the measured loads. Nothing checks in,
        // so a long offline grace keeps the seeded "recent" devices online for the whole run.
        string[] quiet = ["--Outpost:Dashboard:LiveRefreshInterval=00:10:00", "--Outpost:Devices:OfflineGrace=00:30:00"];
        await using var harness = await RolloutHarness.StartAsync(TimeSpan.FromSeconds(2), Releases, quiet);
        var token = harness.Server.InitialAdminToken!;
        var dataDirectory = harness.Server.DataDirectory;
        Assert.Equal(0, await harness.Server.StopAsync());
        await using var browser = new BrowserSession("bench");

        var results = new List<PageTimings>();
        var seeded = 0;
        foreach (var count in new[] { BaselineDevices, devices })
        {
            await BenchSeed.AddDevicesAsync(Path.Combine(dataDirectory, "outpost.db"), seeded, count, Releases);
            seeded = count;
            await using var server = await ServerProcess.StartAsync(dataDirectory, extra: quiet);
            await using var tab = await browser.OpenAsync(server.AdminApi);
            if (count == BaselineDevices)
            {
                // Before logging in: a logged-in browser is sent on from the login page to the overview.
                results.Add(await PageTimings.MeasureAsync(tab.Page, "/dashboard/login", 0, loads));
            }

            Assert.Equal(302, (await tab.LoginAsync(token)).Status);

            foreach (var path in new[] { "/dashboard", "/dashboard/devices", $"/dashboard/devices?site={BenchSeed.Site(6)}&status=online" })
            {
                results.Add(await PageTimings.MeasureAsync(tab.Page, path, count, loads));
            }

            // The seed is what was measured: every device counted, nine in ten online.
            await tab.VisitAsync("/dashboard", $"overview-{count}");
            await Assertions.Expect(tab.Page.Locator("[data-testid=count-total]")).ToContainTextAsync(count.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(tab.Page.Locator("[data-testid=count-online]")).ToContainTextAsync((count / 10 * 9).ToString(CultureInfo.InvariantCulture));
            server.AssertNoErrorsLogged();
            Assert.Equal(0, await server.StopAsync());
        }

        Report(Table(results, devices, loads));
    }

    private static string Table(List<PageTimings> results, int devices, int loads)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Dashboard render, {loads} loads per page after one warm-up, median / p95 in ms (Chromium {Chromium.Executable}, {Environment.ProcessorCount} cores):");
        text.AppendLine(PageTimings.Header());
        foreach (var r in results)
        {
            text.AppendLine(r.Row());
        }

        foreach (var big in results.Where(r => r.Devices == devices))
        {
            var small = results.Single(r => r.Devices == BaselineDevices && r.Page == big.Page);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"ratio {devices:N0}/{BaselineDevices} devices, {big.Page}: server app {Ratio(big, small, "server")}, responseEnd {Ratio(big, small, "responseEnd")}, load {Ratio(big, small, "load")}, FCP {Ratio(big, small, "fcp")} (medians)");
        }

        return text.ToString();
    }

    private static string Ratio(PageTimings big, PageTimings small, string measure) =>
        big.Status != 200 || small.Status != 200 || double.IsNaN(big.Median(measure) / small.Median(measure))
            ? "n/a (not a 200 page)"
            : (big.Median(measure) / small.Median(measure)).ToString("0.00", CultureInfo.InvariantCulture) + "x";

    private static void Report(string text)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        if (Environment.GetEnvironmentVariable("OUTPOST_BENCH_RESULT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, text);
        }
    }
}
