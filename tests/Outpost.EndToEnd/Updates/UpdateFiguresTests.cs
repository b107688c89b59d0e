using System.Diagnostics;
using System.Globalization;
using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol.Devices;

namespace Outpost.EndToEnd.Updates;

/// <summary>
/// The figures of issue 4's closing note, measured from outside the agent on loopback: desired-state change → new
/// release's workload running, and the install's cost beyond the download (from when the agent's log lines arrived).
/// Printed to the test output and appended to OUTPOST_FIGURES_REPORT if set (benchmarks/update-figures.sh).
/// </summary>
public sealed class UpdateFiguresTests
{
    [Fact]
    public async Task DesiredReleaseChanged_NewReleaseRuns_TimesMeasured()
    {
        var modelBytes = int.Parse(Environment.GetEnvironmentVariable("OUTPOST_FIGURES_MODEL_BYTES") ?? "16777216", CultureInfo.InvariantCulture);
        await using var bench = await UpdateBench.StartAsync();
        var first = await bench.ReleaseAsync("cam", "1.0.0", Workload.Sleeper(1));
        var next = await bench.ReleaseAsync("cam", "2.0.0", Workload.Sleeper(1), modelBytes);
        await bench.EnrollAndRunAsync();
        await UpdateFaultTests.CommitAsync(bench, first);

        var clock = Stopwatch.StartNew();
        var changed = DateTime.UtcNow;
        await bench.SetDesiredAsync(next);
        while (!DeviceDisk.WorkloadProcesses(bench.AgentData).Any(p => p.Release == next))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), "new release did not start\n" + bench.Agent.Output);
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        var running = clock.Elapsed;
        await bench.WaitForDeviceAsync(d => d.Update is { State: UpdateState.Committed } u && u.Release == next, TimeSpan.FromSeconds(60), "committed");
        var lines = bench.Agent.TimedLines.Where(l => l.At >= changed).ToList();
        DateTime At(string text) => lines.First(l => l.Line.Contains(text, StringComparison.Ordinal)).At;
        var stageStarted = At($"Update step Stage {next} started");
        var stageDone = At($"Update step Stage {next} done");
        var workloadDone = At($"Update step StartWorkload {next} done");
        var download = stageDone - stageStarted;
        var install = workloadDone - stageDone;
        var checkIn = stageStarted - changed;
        Assert.True(download > TimeSpan.Zero && install > TimeSpan.Zero);

        var report = string.Create(CultureInfo.InvariantCulture,
            $"| {modelBytes / 1048576.0:0.#} MiB release | {running.TotalMilliseconds:0} ms desired → running | {checkIn.TotalMilliseconds:0} ms to the next check-in (interval 1 s) | {download.TotalMilliseconds:0} ms download + TUF verify + stage | {install.TotalMilliseconds:0} ms install overhead (install check, switch, workload start) |\n");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        if (Environment.GetEnvironmentVariable("OUTPOST_FIGURES_REPORT") is { Length: > 0 } file)
        {
            await File.AppendAllTextAsync(file, report, TestContext.Current.CancellationToken);
        }

        await bench.StopAgentAsync();
        bench.Server.AssertNoErrorsLogged();
    }
}
