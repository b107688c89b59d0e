using System.Diagnostics;
using System.Globalization;
using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol.Devices;

namespace Outpost.EndToEnd.Updates;

/// <summary>
/// Issue 4, "SIGKILL of the agent at random points of an install, repeated": a real agent flips between three releases
/// with real workloads and is SIGKILLed at a random moment each time. After every kill, before the restart, the data
/// folder must hold a complete release behind <c>current</c> and a journal that agrees with it, and workload processes
/// must not pile up. At the end the device commits the desired release.
/// Iterations: OUTPOST_KILL_ITERATIONS (default 200 when CI=true, else 20); seed: OUTPOST_KILL_SEED (default random,
/// printed on failure); the outcome table goes to the test output and to OUTPOST_KILL_REPORT if set
/// (benchmarks/update-kill.sh runs 1,000).
/// </summary>
public sealed class AgentKillLoopTests
{
    [Fact]
    public async Task AgentSigkilledAtRandomPointsOfUpdates_AfterEachKillOneCompleteRelease_EndsOnDesiredRelease()
    {
        var iterations = Setting("OUTPOST_KILL_ITERATIONS", Environment.GetEnvironmentVariable("CI") == "true" ? 200 : 20);
        var seed = Setting("OUTPOST_KILL_SEED", Random.Shared.Next());
        var maxDelay = TimeSpan.FromMilliseconds(Setting("OUTPOST_KILL_MAX_DELAY_MS", 60));
        var random = new Random(seed);
        await using var bench = await UpdateBench.StartAsync();
        string[] releases =
        [
            await bench.ReleaseAsync("cam", "1.0.0", Workload.Sleeper(0.5)),
            await bench.ReleaseAsync("cam", "2.0.0", Workload.Sleeper(0.5)),
            await bench.ReleaseAsync("cam", "3.0.0", Workload.Sleeper(0.5)),
        ];
        await bench.EnrollAndRunAsync();
        await UpdateFaultTests.CommitAsync(bench, releases[0]);
        await UpdateFaultTests.CommitAsync(bench, releases[1]);

        var outcomes = new KillOutcomes();
        var desired = releases[1];
        var clock = Stopwatch.StartNew();
        var i = 0;
        try
        {
            for (i = 0; i < iterations; i++)
            {
                if (i > 0)
                {
                    bench.StartAgent();
                }

                // Startup of the JIT-compiled agent is not interesting: the kill comes after a random number of update
                // step log lines (started or done), then a random few milliseconds, so kills spread over every step.
                await bench.Agent.WaitForLineAsync(l => l.Contains("Update engine loaded its journal", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
                await WaitForStepLinesAsync(bench.Agent, random.Next(0, 18));
                await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * maxDelay.TotalMilliseconds), TestContext.Current.CancellationToken);
                var lines = bench.Agent.Lines.ToList();
                await bench.KillAgentAsync();

                var problem = DeviceDisk.CheckConsistent(bench.AgentData);
                Assert.True(problem is null, $"after kill {i}: {problem}\n--- agent ---\n{string.Join('\n', lines)}");
                var workloads = DeviceDisk.WorkloadProcesses(bench.AgentData);
                Assert.True(workloads.Count <= 2, $"after kill {i}: workload processes pile up: {string.Join(", ", workloads)}");
                var repairs = lines.Count(l => l.Contains("Repaired the data folder", StringComparison.Ordinal));
                outcomes.Add(LastStep(lines), DeviceDisk.CurrentRelease(bench.AgentData) == desired, repairs, workloads.Count);

                // Most of the time a new desired release waits for the restarted agent's first check-in.
                if (random.NextDouble() < 0.7)
                {
                    desired = releases.Where(r => r != desired).ElementAt(random.Next(releases.Length - 1));
                    await bench.SetDesiredAsync(desired);
                }
            }

            await WriteReportAsync(outcomes.ToMarkdown(seed, clock.Elapsed));
            bench.StartAgent();
            await bench.WaitForDeviceAsync(d => d.CurrentRelease == desired && d.Update is { State: UpdateState.Committed } u && u.Release == desired,
                TimeSpan.FromSeconds(90), $"{desired} committed after the last kill");
            // The server may still show the killed agent's last report: wait for the new agent's workload itself.
            await UpdateFaultTests.WaitForWorkloadAsync(bench, desired);
            Assert.Null(DeviceDisk.CheckConsistent(bench.AgentData));
            await bench.StopAgentAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"kill loop failed at iteration {i} of {iterations} (OUTPOST_KILL_SEED={seed}): {ex.Message}", ex);
        }

        bench.Server.AssertNoErrorsLogged();
    }

    private static async Task WriteReportAsync(string table)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        if (Environment.GetEnvironmentVariable("OUTPOST_KILL_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllTextAsync(report, table, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Until <paramref name="count"/> step lines were logged, or none came for a while (nothing left to do).</summary>
    private static async Task WaitForStepLinesAsync(ChildProcess agent, int count)
    {
        var seen = 0;
        var quietSince = DateTime.UtcNow;
        while (true)
        {
            var now = agent.Lines.Count(l => l.Contains("Update step ", StringComparison.Ordinal));
            if (now >= count)
            {
                return;
            }

            if (now != seen)
            {
                (seen, quietSince) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(2))
            {
                return;
            }

            await Task.Delay(2);
        }
    }

    /// <summary>The step the agent had last started (its log line), or where it was before any.</summary>
    private static string LastStep(List<string> lines)
    {
        for (var n = lines.Count - 1; n >= 0; n--)
        {
            var at = lines[n].IndexOf("Update step ", StringComparison.Ordinal);
            if (at >= 0)
            {
                var words = lines[n][(at + 12)..].Split(' ');
                return words.Length > 2 && words[2] == "started" ? words[0] : $"after {words[0]}";
            }
        }

        return "before the first step (start-up, check-in)";
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
