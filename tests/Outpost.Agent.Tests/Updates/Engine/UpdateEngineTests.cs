using Outpost.Agent.Updates.Engine;
using Outpost.Agent.Workloads;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Updates.Engine;

public sealed class UpdateEngineTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<EngineHarness.Device> CommittedAsync(params string[] releases)
    {
        var device = _h.Start();
        foreach (var release in releases)
        {
            _h.Source.Define(release);
            await device.DesireAsync(release);
            Assert.Equal(release, _h.Journal().Current);
        }

        return device;
    }

    [Fact]
    public async Task FirstRelease_Healthy_CommittedAfterTheWindow()
    {
        _h.Source.Define("app@1", healthWindowSeconds: 10);
        var device = _h.Start();
        var start = _h.Time.GetUtcNow();

        await device.DesireAsync("app@1");

        var journal = _h.Journal();
        Assert.Equal(("app@1", (string?)null), (journal.Current, journal.Previous));
        Assert.True(_h.Time.GetUtcNow() >= start.AddSeconds(10));
        Assert.Equal(["app@1"], device.Workloads.Started);
        Assert.Equal(UpdateState.Committed, device.Engine.Status.Update!.State);
        Assert.Equal("app@1", device.Engine.Status.CurrentRelease);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_h.Paths.Staging));
        _h.AssertConsistent();
    }

    [Fact]
    public async Task SecondRelease_Healthy_CurrentIsNewPreviousIsOld()
    {
        var device = await CommittedAsync("app@1", "app@2");

        Assert.Equal(("app@2", "app@1"), (device.Engine.Status.CurrentRelease, device.Engine.Status.PreviousRelease));
        Assert.Equal("app@2", _h.LinkedRelease());
        Assert.Equal(["app@1", "app@2"], _h.InstalledReleases());
        _h.AssertConsistent();
    }

    [Fact]
    public async Task GarbageCollection_KeepsCurrentAndPreviousOnly()
    {
        await CommittedAsync("app@1", "app@2", "app@3");

        Assert.Equal(["app@2", "app@3"], _h.InstalledReleases());
        Assert.Equal(["app@2", "app@3"], _h.Journal().Manifests.Keys.Order());
        _h.AssertConsistent();
    }

    [Fact]
    public async Task HealthFailure_RevertsToPreviousAndReportsTheCause()
    {
        var device = await CommittedAsync("app@1");
        _h.Source.Define("app@2");
        device.Workloads.HealthOf["app@2"] = new WorkloadHealth(false, UpdateFailureCause.CrashLoop, "infer restarted 4 times in 60 s", 4);

        await device.DesireAsync("app@2");

        var report = device.Engine.Status.Update!;
        Assert.Equal((UpdateState.RolledBack, UpdateFailureCause.CrashLoop, "infer restarted 4 times in 60 s"), (report.State, report.Cause, report.Detail));
        Assert.Equal(["app@1", "app@2", "app@1"], device.Workloads.Started);
        Assert.Equal(("app@1", "app@1"), (_h.Journal().Current, _h.LinkedRelease()));
        _h.AssertConsistent();

        // Not tried again on the next check-ins while app@2 stays desired.
        await device.DesireAsync("app@2");
        Assert.Single(_h.Source.Staged, "app@2");
        Assert.Equal(UpdateState.RolledBack, device.Engine.Status.Update!.State);
    }

    [Fact]
    public async Task RolledBackRelease_TriedAgainOnceTheDesiredReleaseChanged()
    {
        var device = await CommittedAsync("app@1");
        _h.Source.Define("app@2");
        device.Workloads.Unstartable.Add("app@2");
        await device.DesireAsync("app@2");
        Assert.Equal(UpdateFailureCause.InvalidRelease, device.Engine.Status.Update!.Cause);

        device.Workloads.Unstartable.Clear();
        await device.DesireAsync("app@1");
        await device.DesireAsync("app@2");

        Assert.Equal((UpdateState.Committed, "app@2"), (device.Engine.Status.Update!.State, _h.Journal().Current));
    }

    [Fact]
    public async Task NotHealthyAtTheEnd_RevertsAsProbeFailed()
    {
        var device = await CommittedAsync("app@1");
        _h.Source.Define("app@2");
        device.Workloads.HealthOf["app@2"] = new WorkloadHealth(false, null, "probe infer: connection refused", 0);

        await device.DesireAsync("app@2");

        var report = device.Engine.Status.Update!;
        Assert.Equal((UpdateState.RolledBack, UpdateFailureCause.ProbeFailed), (report.State, report.Cause));
        Assert.Contains("connection refused", report.Detail, StringComparison.Ordinal);
        _h.AssertConsistent();
    }

    [Fact]
    public async Task FailureMidWindow_RevertsAtOnce()
    {
        var device = await CommittedAsync("app@1");
        _h.Source.Define("app@2", healthWindowSeconds: 60);
        device.Engine.OnDesired("app@2");
        var run = device.Engine.ReconcileAsync(quickOnly: false, EngineHarness.Ct);
        var started = _h.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await _h.Time.WaitForTimerAsync(EngineHarness.Ct);
            _h.Time.Advance(EngineHarness.Poll);
        }

        device.Workloads.Health = new WorkloadHealth(false, UpdateFailureCause.ProcessExited, "infer exited with code 3", 0);
        await _h.Time.DriveAsync(run, EngineHarness.Poll);

        Assert.Equal(UpdateFailureCause.ProcessExited, device.Engine.Status.Update!.Cause);
        Assert.True(_h.Time.GetUtcNow() - started < TimeSpan.FromSeconds(10));
        _h.AssertConsistent();
    }

    [Fact]
    public async Task AgentRestartedInTheWindow_ResumesItFromThePersistedStart()
    {
        await CommittedAsync("app@1");
        _h.Source.Define("app@2", healthWindowSeconds: 10);
        var first = _h.Start();
        using var stop = new CancellationTokenSource();
        first.Engine.OnDesired("app@2");
        var run = first.Engine.ReconcileAsync(quickOnly: false, stop.Token);
        for (var i = 0; i < 4; i++)
        {
            await _h.Time.WaitForTimerAsync(EngineHarness.Ct);
            _h.Time.Advance(EngineHarness.Poll);
        }

        await _h.Time.WaitForTimerAsync(EngineHarness.Ct);
        await stop.CancelAsync(); // the agent stops 4 s into the window
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var windowStart = _h.Journal().Operation!.WindowStartedAt!.Value;
        Assert.Equal(UpdatePhase.HealthCheck, _h.Journal().Operation!.Phase);

        var second = _h.Start(); // no check-in needed: the journal knows the desired release
        var resumed = second.Engine.ReconcileAsync(quickOnly: false, EngineHarness.Ct);
        while (_h.Time.GetUtcNow() < windowStart.AddSeconds(9))
        {
            await _h.Time.WaitForTimerAsync(EngineHarness.Ct);
            _h.Time.Advance(EngineHarness.Poll);
        }

        Assert.False(resumed.IsCompleted);
        Assert.NotEqual("app@2", _h.Journal().Current);
        await _h.Time.DriveAsync(resumed, EngineHarness.Poll);

        Assert.Equal(windowStart, _h.Time.GetUtcNow().AddSeconds(-10));
        Assert.Equal(["app@2"], second.Workloads.Started);
        Assert.Equal(("app@2", "app@1"), (_h.Journal().Current, _h.Journal().Previous));
        _h.AssertConsistent();
    }

    [Fact]
    public async Task RollbackTargetDeleted_StaysOnTheNewReleaseAndSaysWhy()
    {
        var device = await CommittedAsync("app@1");
        _h.Source.Define("app@2");
        device.Workloads.HealthOf["app@2"] = new WorkloadHealth(false, UpdateFailureCause.CrashLoop, "crash loop", 5);
        Directory.Delete(_h.Paths.Release("app@1"), recursive: true);

        await device.DesireAsync("app@2");

        var report = device.Engine.Status.Update!;
        Assert.Equal((UpdateState.Failed, UpdateFailureCause.RollbackTargetUnusable), (report.State, report.Cause));
        Assert.Contains("previous release app@1 is unusable", report.Detail, StringComparison.Ordinal);
        Assert.Contains("does not exist", report.Detail, StringComparison.Ordinal);
        Assert.Equal(("app@2", (string?)null, "app@2"), (_h.Journal().Current, _h.Journal().Previous, _h.LinkedRelease()));
        Assert.Equal("app@2", device.Workloads.Running);
        _h.AssertConsistent();
    }

    [Fact]
    public async Task RollbackTargetTampered_DetectedByItsHash()
    {
        var device = await CommittedAsync("app@1");
        await File.WriteAllTextAsync(Path.Combine(_h.Paths.Release("app@1"), "app.bin"), "evil", EngineHarness.Ct);
        _h.Source.Define("app@2");
        device.Workloads.HealthOf["app@2"] = new WorkloadHealth(false, UpdateFailureCause.ProbeFailed, "probe failed 3 times", 0);

        await device.DesireAsync("app@2");

        var report = device.Engine.Status.Update!;
        Assert.Equal(UpdateFailureCause.RollbackTargetUnusable, report.Cause);
        Assert.Contains("app.bin: 4 bytes", report.Detail, StringComparison.Ordinal);
        Assert.Equal("app@2", _h.LinkedRelease());
    }

    [Fact]
    public async Task RollbackTargetManifestRewritten_DetectedByTheJournaledManifestHash()
    {
        var device = await CommittedAsync("app@1");
        var manifest = Path.Combine(_h.Paths.Release("app@1"), "release.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest, EngineHarness.Ct)).Replace("\"deviceClass\":\"test\"", "\"deviceClass\":\"x\"", StringComparison.Ordinal), EngineHarness.Ct);
        _h.Source.Define("app@2");
        device.Workloads.HealthOf["app@2"] = new WorkloadHealth(false, UpdateFailureCause.CrashLoop, "crash loop", 5);

        await device.DesireAsync("app@2");

        Assert.Contains("release.json was altered", device.Engine.Status.Update!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FleetRollback_ToTheKeptPrevious_SwitchesWithoutDownload()
    {
        var device = await CommittedAsync("app@1", "app@2");
        var staged = _h.Source.Staged.Count;

        await device.DesireAsync("app@1");

        Assert.Equal(staged, _h.Source.Staged.Count);
        Assert.Equal(("app@1", "app@2"), (_h.Journal().Current, _h.Journal().Previous));
        Assert.Equal(UpdateState.Committed, device.Engine.Status.Update!.State);
        _h.AssertConsistent();
    }

    [Fact]
    public async Task FleetRollback_KeptCopyDamaged_FetchedAgain()
    {
        var device = await CommittedAsync("app@1", "app@2");
        File.Delete(Path.Combine(_h.Paths.Release("app@1"), "model.bin"));

        await device.DesireAsync("app@1");

        Assert.Equal(["app@1", "app@2", "app@1"], _h.Source.Staged);
        Assert.Equal("app@1", _h.Journal().Current);
        _h.AssertConsistent();
    }

    [Fact]
    public async Task FirstRelease_Fails_NothingRunsAndNoLink()
    {
        _h.Source.Define("app@1");
        var device = _h.Start();
        device.Workloads.HealthOf["app@1"] = new WorkloadHealth(false, UpdateFailureCause.CrashLoop, "crash loop", 5);

        await device.DesireAsync("app@1");

        Assert.Equal(UpdateState.RolledBack, device.Engine.Status.Update!.State);
        Assert.Null(device.Workloads.Running);
        Assert.False(File.Exists(_h.Paths.Current) || Directory.Exists(_h.Paths.Current));
        _h.AssertConsistent();
    }
}
