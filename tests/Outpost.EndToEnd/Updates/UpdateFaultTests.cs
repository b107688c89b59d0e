using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol.Devices;

namespace Outpost.EndToEnd.Updates;

/// <summary>
/// Issue 4's faults with a real server and real agent processes running real workloads: bad releases are reverted to
/// N-1 within their health window, a too-large release is refused before download, an agent restart inside the window
/// still decides, and a damaged rollback target is reported while the device keeps a runnable release.
/// </summary>
public sealed class UpdateFaultTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task BadReleases_CrashLoopFailingProbeExitedProcess_RevertedToPrevious_ServerSeesCauseNamingProcess()
    {
        await using var bench = await UpdateBench.StartAsync();
        var good = await bench.ReleaseAsync("cam", "1.0.0", Workload.Sleeper(1));
        var crashLoop = await bench.ReleaseAsync("cam", "2.0.0", Workload.CrashLoop(20));
        var probe = await bench.ReleaseAsync("cam", "3.0.0", Workload.FailingProbe(20, ServerProcess.FreePort()));
        var exits = await bench.ReleaseAsync("cam", "4.0.0", Workload.ExitsOnce(20, 7));
        await bench.EnrollAndRunAsync();
        await CommitAsync(bench, good);

        foreach (var (release, cause, detail) in new[]
        {
            (crashLoop, UpdateFailureCause.CrashLoop, "process infer exited "),
            (probe, UpdateFailureCause.ProbeFailed, "process infer: tcp probe"),
            (exits, UpdateFailureCause.ProcessExited, "process infer exited with exit code 7"),
        })
        {
            await bench.SetDesiredAsync(release);
            // The failure ends the 20 s window at once; waiting for less than the window proves "within the window".
            var device = await bench.WaitForDeviceAsync(d => d.Update is { State: UpdateState.RolledBack } u && u.Release == release,
                TimeSpan.FromSeconds(19), $"{release} rolled back");
            Assert.Equal(cause, device.Update!.Cause);
            Assert.Contains(detail, device.Update.Detail, StringComparison.Ordinal);
            await bench.WaitForDeviceAsync(d => d.CurrentRelease == good, Deadline, "N-1 reported current again");
            AssertRuns(bench, good);
            var show = await bench.CliOkAsync("devices", "show", bench.DeviceId, "--json");
            Assert.Contains(cause.ToString(), show, StringComparison.Ordinal);
        }

        await bench.StopAgentAsync();
        Assert.Empty(DeviceDisk.WorkloadProcesses(bench.AgentData));
        bench.Server.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task DiskTooSmall_RefusedBeforeDownload_CurrentReleaseUntouchedAndRunning()
    {
        await using var bench = await UpdateBench.StartAsync();
        var good = await bench.ReleaseAsync("cam", "1.0.0", Workload.Sleeper(1));
        var big = await bench.ReleaseAsync("cam", "2.0.0", Workload.Sleeper(1), modelBytes: 2 * 1024 * 1024);
        await bench.EnrollAndRunAsync();
        await CommitAsync(bench, good);

        // A reserve as large as the free space of the disk: no release fits. Set the supported way, by flag.
        await bench.StopAgentAsync();
        var free = new DriveInfo(bench.AgentData).AvailableFreeSpace;
        bench.StartAgent("--disk-reserve-bytes", free.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var pids = await WaitForWorkloadAsync(bench, good);
        await bench.SetDesiredAsync(big);
        var device = await bench.WaitForDeviceAsync(d => d.Update is { State: UpdateState.Refused } u && u.Release == big, Deadline, "refused");
        Assert.Equal(UpdateFailureCause.NotEnoughDisk, device.Update!.Cause);
        Assert.StartsWith("not enough disk", device.Update.Detail, StringComparison.Ordinal);
        Assert.Equal(good, device.CurrentRelease);
        Assert.False(Directory.Exists(Path.Combine(bench.AgentData, "staging", big)));
        Assert.False(Directory.Exists(Path.Combine(bench.AgentData, "releases", big)));
        // Before download: not one byte of the 2 MiB model was fetched.
        var partials = Path.Combine(bench.AgentData, "downloads");
        Assert.True(!Directory.Exists(partials) || !Directory.EnumerateFiles(partials).Any(f => new FileInfo(f).Length > 0));
        Assert.Null(DeviceDisk.CheckConsistent(bench.AgentData));
        Assert.Equal(pids, DeviceDisk.WorkloadProcesses(bench.AgentData));
        AssertRuns(bench, good);
        await bench.StopAgentAsync();
        bench.Server.AssertNoErrorsLogged();
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task AgentRestartedInHealthWindow_WindowResumes_DecisionStillMade(bool sigkill, bool healthy)
    {
        await using var bench = await UpdateBench.StartAsync();
        var good = await bench.ReleaseAsync("cam", "1.0.0", Workload.Sleeper(1));
        // Unhealthy: its probe never passes (nor fails often enough to end the window early): the end of the 6 s window
        // decides, however long the restart took.
        var next = await bench.ReleaseAsync("cam", "2.0.0", healthy ? Workload.Sleeper(6) : Workload.FailingProbe(6, ServerProcess.FreePort(), failureThreshold: 1000));
        await bench.EnrollAndRunAsync();
        await CommitAsync(bench, good);

        await bench.SetDesiredAsync(next);
        var window = await WaitForJournalAsync(bench, j => j.Operation is { Phase: "HealthCheck" } op && op.Target == next, "health window started");
        if (sigkill)
        {
            await bench.KillAgentAsync();
        }
        else
        {
            await bench.StopAgentAsync();
        }

        Assert.Null(DeviceDisk.CheckConsistent(bench.AgentData));
        bench.StartAgent();
        var state = healthy ? UpdateState.Committed : UpdateState.RolledBack;
        var device = await bench.WaitForDeviceAsync(d => d.Update is { } u && u.Release == next && u.State == state, Deadline, $"{next} {state}");
        Assert.Equal(healthy ? next : good, device.CurrentRelease);
        if (!healthy)
        {
            Assert.Equal(UpdateFailureCause.ProbeFailed, device.Update!.Cause);
            Assert.Contains("not healthy at the end of the 6 s health window", device.Update.Detail, StringComparison.Ordinal);
        }

        // Resumed, not restarted: the new agent watched the window that started before the restart.
        var started = DateTimeOffset.Parse(window.Operation!.WindowStartedAt!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(bench.Agent.Lines, l => l.Contains($"Health window of {next} runs until", StringComparison.Ordinal)
            && l.Contains($"(started {started:o})", StringComparison.Ordinal));
        AssertRuns(bench, healthy ? next : good);
        await bench.StopAgentAsync();
        bench.Server.AssertNoErrorsLogged();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RollbackTargetTamperedOrDeleted_ClearError_DeviceStaysOnRunnableRelease(bool delete)
    {
        await using var bench = await UpdateBench.StartAsync();
        var good = await bench.ReleaseAsync("cam", "1.0.0", Workload.Sleeper(1));
        var bad = await bench.ReleaseAsync("cam", "2.0.0", Workload.ExitsOnce(20, 5, afterSeconds: 3));
        await bench.EnrollAndRunAsync();
        await CommitAsync(bench, good);

        await bench.SetDesiredAsync(bad);
        await WaitForJournalAsync(bench, j => j.Operation is { Phase: "HealthCheck" } op && op.Target == bad, "health window started");
        var target = Path.Combine(bench.AgentData, "releases", good);
        if (delete)
        {
            Directory.Delete(target, recursive: true);
        }
        else
        {
            await File.AppendAllTextAsync(Path.Combine(target, "model.bin"), "tampered", TestContext.Current.CancellationToken);
        }

        var device = await bench.WaitForDeviceAsync(d => d.Update is { } u && u.Release == bad && u.State != UpdateState.HealthCheck
            && u.State != UpdateState.Installing && u.State != UpdateState.Downloading && u.State != UpdateState.Verified, Deadline, "decision");
        Assert.Equal(UpdateState.Failed, device.Update!.State);
        Assert.Equal(UpdateFailureCause.RollbackTargetUnusable, device.Update.Cause);
        Assert.Contains($"previous release {good} is unusable", device.Update.Detail, StringComparison.Ordinal);
        Assert.Equal(bad, DeviceDisk.CurrentRelease(bench.AgentData));
        Assert.Null(DeviceDisk.CheckConsistent(bench.AgentData));
        // Runnable: the complete, verified release N is what current points at and its workload was started again.
        await bench.WaitForDeviceAsync(d => d.CurrentRelease == bad, Deadline, "N reported current");
        await bench.StopAgentAsync();
        bench.Server.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task SelfUpdateToAgentBinaryThatCannotStart_OldAgentKeepsRunning_RolledBackAgentDidNotStart()
    {
        await using var bench = await UpdateBench.StartAsync();
        var good = await bench.ReleaseAsync("cam", "1.0.0", Workload.Sleeper(1));
        var binary = Path.Combine(bench.AgentData + "-src", "outpost-agent");
        Directory.CreateDirectory(Path.GetDirectoryName(binary)!);
        await File.WriteAllTextAsync(binary, "#!/bin/sh\necho 'cannot start: missing library' >&2\nexit 127\n", TestContext.Current.CancellationToken);
        var broken = await bench.ReleaseAsync("cam", "2.0.0", Workload.Sleeper(1), 64 * 1024, "agent=" + binary);
        var agent = await bench.EnrollAndRunAsync();
        await CommitAsync(bench, good);

        await bench.SetDesiredAsync(broken);
        var device = await bench.WaitForDeviceAsync(d => d.Update is { State: UpdateState.RolledBack } u && u.Release == broken, Deadline, "self-update rolled back");
        Assert.Equal(UpdateFailureCause.AgentDidNotStart, device.Update!.Cause);
        Assert.Contains("new agent binary failed its trial", device.Update.Detail, StringComparison.Ordinal);
        Assert.Equal(good, device.CurrentRelease);
        Assert.False(agent.HasExited);
        Assert.Equal(good, DeviceDisk.CurrentRelease(bench.AgentData));
        AssertRuns(bench, good);
        await bench.StopAgentAsync();
        bench.Server.AssertNoErrorsLogged();
    }

    internal static async Task CommitAsync(UpdateBench bench, string release)
    {
        await bench.SetDesiredAsync(release);
        await bench.WaitForDeviceAsync(d => d.Update is { State: UpdateState.Committed } u && u.Release == release && d.CurrentRelease == release,
            Deadline, $"{release} committed");
        AssertRuns(bench, release);
    }

    internal static void AssertRuns(UpdateBench bench, string release)
    {
        var processes = DeviceDisk.WorkloadProcesses(bench.AgentData);
        Assert.True(processes.Count == 1 && processes[0].Release == release,
            $"expected one workload process of {release}, found: {string.Join(", ", processes.Select(p => $"{p.Pid}:{p.Release}"))}");
    }

    internal static async Task<IReadOnlyList<(int Pid, string Release)>> WaitForWorkloadAsync(UpdateBench bench, string release)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            var processes = DeviceDisk.WorkloadProcesses(bench.AgentData);
            if (processes.Count == 1 && processes[0].Release == release)
            {
                return processes;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"workload of {release} not running\n{bench.Agent.Output}");
    }

    private static async Task<JournalView> WaitForJournalAsync(UpdateBench bench, Func<JournalView, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            if (DeviceDisk.ReadJournal(bench.AgentData) is { } journal && condition(journal))
            {
                return journal;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"{what}: not seen in the journal\n{bench.Agent.Output}");
    }
}
