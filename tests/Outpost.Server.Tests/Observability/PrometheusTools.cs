using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Outpost.Server.Tests.Observability;

/// <summary>
/// Debian's <c>prometheus</c> package (promtool, prometheus). Absent on a laptop → the test skips; absent under CI=true
/// → it fails, because .ci/run installs the package and CI must not go green untested.
/// </summary>
internal static class PrometheusTools
{
    public static string Require(string tool)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
        if (path is not null)
        {
            return path;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI=true but '{tool}' is not installed: .ci/run installs Debian's prometheus package.");
        }

        Assert.Skip($"'{tool}' is not installed (apt-get install prometheus) — skipped outside CI.");
        return "";
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string stdin)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
