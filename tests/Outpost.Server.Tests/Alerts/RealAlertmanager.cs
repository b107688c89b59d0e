using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Outpost.Server.Tests.Alerts;

/// <summary>
/// Debian's prometheus-alertmanager as a real process on 127.0.0.1 with a minimal config and a temporary storage
/// folder. Absent binary: the test skips locally and fails when CI=true (CI installs it in .ci/run).
/// </summary>
internal sealed class RealAlertmanager : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/prometheus-alertmanager", "/usr/local/bin/alertmanager", "/usr/bin/alertmanager"];

    private readonly Process process;
    private readonly string folder;
    private readonly StringWriterLines log;

    private RealAlertmanager(Process process, string folder, string url, StringWriterLines log)
    {
        this.process = process;
        this.folder = folder;
        this.log = log;
        Url = url;
        Client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Url { get; }

    public HttpClient Client { get; }

    public string Log => log.Text;

    public static string BinaryOrSkip()
    {
        var binary = Candidates.FirstOrDefault(File.Exists);
        if (binary is not null)
        {
            return binary;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true but prometheus-alertmanager is not installed: .ci/run must apt-get install it.");
        }

        Assert.Skip("Install prometheus-alertmanager (apt-get install -y prometheus-alertmanager) to run the real Alertmanager test.");
        return "";
    }

    public static async Task<RealAlertmanager> StartAsync()
    {
        var binary = BinaryOrSkip();
        var folder = Directory.CreateTempSubdirectory("outpost-alertmanager-").FullName;
        var config = Path.Combine(folder, "alertmanager.yml");
        await File.WriteAllTextAsync(config, "route:\n  receiver: sink\nreceivers:\n  - name: sink\n", TestContext.Current.CancellationToken);
        var port = FreePort();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     $"--config.file={config}", $"--storage.path={Path.Combine(folder, "data")}",
                     $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var log = new StringWriterLines();
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var alertmanager = new RealAlertmanager(process, folder, $"http://127.0.0.1:{port}", log);
        try
        {
            await alertmanager.WaitReadyAsync();
            return alertmanager;
        }
        catch
        {
            await alertmanager.DisposeAsync();
            throw;
        }
    }

    /// <summary>GET /api/v2/alerts: the alerts Alertmanager holds as active (resolved ones drop out).</summary>
    public async Task<JsonArray> ActiveAlertsAsync() =>
        (JsonArray)JsonNode.Parse(await Client.GetStringAsync("/api/v2/alerts", TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private async Task WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"alertmanager exited with {process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await Client.GetAsync("/-/ready", TestContext.Current.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"alertmanager not ready within 30 s:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class StringWriterLines
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> lines = new();

        public string Text => string.Join('\n', lines);

        public void Add(string? line)
        {
            if (line is not null)
            {
                lines.Enqueue(line);
            }
        }
    }
}
