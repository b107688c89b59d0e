using System.Diagnostics;
using System.Text.Json;
using Outpost.Protocol.Admin;
using Outpost.Server.Tests.Harness;
using Outpost.Server.Tests.Telemetry;

namespace Outpost.Server.Tests.Observability;

/// <summary>A real Prometheus (Debian's package) scrapes a real server with a bearer token every second.</summary>
public sealed class PrometheusScrapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RealPrometheus_ScrapesWithBearerToken_TargetUpAndOutpostSeriesStored()
    {
        var prometheus = PrometheusTools.Require("prometheus");
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TelemetryIngestTests.EnrollAsync(server);
        Assert.True((await device.CheckInAsync()).IsSuccessStatusCode);
        var token = await TelemetryAdminApiTests.CreateTokenAsync(server, AdminRole.Viewer);
        var folder = Directory.CreateTempSubdirectory("outpost-prometheus-").FullName;
        var port = PrometheusTools.FreePort();
        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: outpost
                scrape_interval: 1s
                metrics_path: /metrics
                authorization:
                  type: Bearer
                  credentials: {token}
                static_configs:
                  - targets: ['{server.AdminApi.Authority}']
            """, Ct);
        using var process = Process.Start(new ProcessStartInfo(prometheus)
        {
            ArgumentList =
            {
                $"--config.file={Path.Combine(folder, "prometheus.yml")}", $"--web.listen-address=127.0.0.1:{port}",
                $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            Assert.True(await EventuallyAsync(api, "up{job=\"outpost\"}", v => v == "1"), "target never up:\n" + string.Join('\n', log));
            Assert.True(await EventuallyAsync(api, $"outpost_device_online{{device=\"{device.Id}\"}}", v => v == "1"), "series missing:\n" + string.Join('\n', log));
            Assert.True(await EventuallyAsync(api, "outpost_checkins_total", v => v == "1"), "self metric missing:\n" + string.Join('\n', log));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Directory.Delete(folder, recursive: true);
        }
    }

    // Polls the Prometheus query API until the first sample of the instant vector satisfies the condition (60 s deadline).
    private static async Task<bool> EventuallyAsync(HttpClient api, string query, Func<string, bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                var json = await api.GetStringAsync("/api/v1/query?query=" + Uri.EscapeDataString(query), Ct);
                using var document = JsonDocument.Parse(json);
                var result = document.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() > 0 && condition(result[0].GetProperty("value")[1].GetString()!))
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }

            await Task.Delay(250, Ct);
        }

        return false;
    }
}
