using System.Globalization;
using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol.Devices;

namespace Outpost.EndToEnd.Updates;

/// <summary>
/// Issue 4, "connection cut mid-download → resumes where it stopped": the real agent reaches the real server through a
/// proxy that drops the connection after K bytes; the bytes the server sent for the whole update are compared with
/// those of an uncut update of the same size. Restarting from zero would cost another K bytes.
/// </summary>
public sealed class DownloadCutTests
{
    private const int ModelBytes = 8 * 1024 * 1024;
    private const long CutAfter = 5L * 1024 * 1024;

    [Fact]
    public async Task ConnectionCutMidDownload_NextAttemptResumes_BytesFetchedAboutArtifactLength()
    {
        await using var bench = await UpdateBench.StartAsync();
        await using var proxy = new CuttingProxy(bench.Server.DeviceApi);
        var first = await bench.ReleaseAsync("cam", "1.0.0", Workload.Sleeper(1));
        var clean = await bench.ReleaseAsync("cam", "2.0.0", Workload.Sleeper(1), ModelBytes);
        var cut = await bench.ReleaseAsync("cam", "3.0.0", Workload.Sleeper(1), ModelBytes);
        await bench.EnrollAndRunAsync(proxy.Url, "--download-retry-base-delay", "00:00:00.2", "--download-retry-max-delay", "00:00:01");
        await UpdateFaultTests.CommitAsync(bench, first);

        var before = proxy.ServerBytes;
        await UpdateFaultTests.CommitAsync(bench, clean);
        var uncut = proxy.ServerBytes - before;

        proxy.ArmCuts(1, CutAfter);
        before = proxy.ServerBytes;
        await UpdateFaultTests.CommitAsync(bench, cut);
        var withCut = proxy.ServerBytes - before;

        Assert.Equal(1, proxy.Cuts);
        var again = withCut - uncut;
        var figure = string.Create(CultureInfo.InvariantCulture,
            $"| uncut update: {uncut} bytes from the server | cut after {CutAfter} bytes: {withCut} bytes | fetched again: {again} bytes |\n");
        TestContext.Current.TestOutputHelper?.WriteLine(figure);
        if (Environment.GetEnvironmentVariable("OUTPOST_FIGURES_REPORT") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, figure, TestContext.Current.CancellationToken);
        }
        // Resumed: the cut costs a reconnect and some metadata, far less than the 5 MiB already fetched.
        Assert.True(again < CutAfter / 4, $"{again} bytes fetched again after a cut at {CutAfter} (uncut {uncut}, cut {withCut})");
        Assert.True(withCut >= ModelBytes, $"{withCut} < {ModelBytes}");
        // The agent's own meter agrees: the model's download fetched no more than its length from the network.
        var line = bench.Agent.Lines.Last(l => l.Contains("Downloaded and verified target", StringComparison.Ordinal) && l.Contains("3.0.0", StringComparison.Ordinal)
            && l.Contains("model.bin", StringComparison.Ordinal));
        var fetched = long.Parse(line[(line.LastIndexOf(", ", StringComparison.Ordinal) + 2)..].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(fetched <= ModelBytes, line);
        await bench.StopAgentAsync();
        bench.Server.AssertNoErrorsLogged();
    }
}
