using Microsoft.Extensions.Logging.Abstractions;
using Outpost.Agent.Tests.Updates.Tuf;
using Outpost.Agent.Updates.Engine;
using Outpost.Agent.Updates.Releases;
using Outpost.Agent.Updates.SelfUpdate;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Updates.Engine;

/// <summary>Refusals, transient failures, self-update and start-up repairs.</summary>
public sealed class UpdateEngineEdgeTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Refused_NotRetriedUntilTheSignedTargetsChange()
    {
        _h.Source.Define("app@1");
        _h.Source.Refusals["app@1"] = "releases/app/1/app.bin: sha256 mismatch";
        var device = _h.Start();

        await device.DesireAsync("app@1");
        await device.DesireAsync("app@1");

        Assert.Equal((UpdateState.Refused, UpdateFailureCause.VerificationFailed), (device.Engine.Status.Update!.State, device.Engine.Status.Update.Cause));
        Assert.Empty(_h.Source.Staged);
        _h.Source.Refusals.Clear();
        await device.DesireAsync("app@1");
        Assert.Equal(UpdateState.Refused, device.Engine.Status.Update!.State); // same targets version: not tried

        _h.Source.TargetsVersion = 2;
        await device.DesireAsync("app@1");

        Assert.Equal((UpdateState.Committed, "app@1"), (device.Engine.Status.Update!.State, _h.Journal().Current));
    }

    [Fact]
    public async Task NotEnoughDisk_RefusedWithItsCause()
    {
        _h.Source.Define("app@1");
        _h.Source.Refusals["app@1"] = "not enough disk: 300 bytes needed plus a 67108864 byte reserve, 12 free";
        _h.Source.RefusalCauses["app@1"] = UpdateFailureCause.NotEnoughDisk;
        var device = _h.Start();

        await device.DesireAsync("app@1");

        Assert.Equal(UpdateFailureCause.NotEnoughDisk, device.Engine.Status.Update!.Cause);
        Assert.Null(_h.Journal().Current);
    }

    [Fact]
    public async Task NetworkFailure_ReportedAndRetriedOnTheNextCheckIn()
    {
        _h.Source.Define("app@1");
        _h.Source.Outage = new HttpRequestException("connection refused");
        var device = _h.Start();

        await device.DesireAsync("app@1");
        Assert.Equal((UpdateState.Failed, UpdateFailureCause.DownloadFailed), (device.Engine.Status.Update!.State, device.Engine.Status.Update.Cause));

        _h.Source.Outage = null;
        await device.DesireAsync("app@1");

        Assert.Equal(UpdateState.Committed, device.Engine.Status.Update!.State);
    }

    [Fact]
    public async Task AgentBinaryWithoutSelfUpdate_RefusedBeforeTheSwitch()
    {
        _h.Source.Define("app@1", withAgent: true);
        var device = _h.Start();

        await device.DesireAsync("app@1");

        var report = device.Engine.Status.Update!;
        Assert.Equal((UpdateState.Refused, UpdateFailureCause.InvalidRelease), (report.State, report.Cause));
        Assert.Contains("no self-update", report.Detail, StringComparison.Ordinal);
        Assert.Null(_h.LinkedRelease());
    }

    [Fact]
    public async Task AgentTrialFails_RolledBackAndNothingSwitched()
    {
        var selfUpdate = new FakeSelfUpdate(AgentTrialResult.Fail("no check-in within 60 s"));
        _h.SelfUpdate = selfUpdate;
        _h.Source.Define("app@1").Define("app@2", withAgent: true);
        var device = _h.Start();
        await device.DesireAsync("app@1");

        await device.DesireAsync("app@2");

        var report = device.Engine.Status.Update!;
        Assert.Equal((UpdateState.RolledBack, UpdateFailureCause.AgentDidNotStart), (report.State, report.Cause));
        Assert.Equal(Path.Combine(_h.Paths.Release("app@2"), "outpost-agent"), Assert.Single(selfUpdate.Trials).Binary);
        Assert.Equal(("app@1", "app@1"), (_h.Journal().Current, _h.LinkedRelease()));
        Assert.Equal(0, selfUpdate.HandOvers);
    }

    [Fact]
    public async Task AgentTrialPasses_CommittedThenHandedOver()
    {
        var selfUpdate = new FakeSelfUpdate(AgentTrialResult.Pass);
        _h.SelfUpdate = selfUpdate;
        _h.Source.Define("app@1", withAgent: true);
        var device = _h.Start();

        await device.DesireAsync("app@1");

        Assert.Equal(("app@1", 1), (_h.Journal().Current, selfUpdate.HandOvers));
        Assert.Null(_h.Journal().PendingHandOver);
    }

    [Fact]
    public async Task StartUp_LinkPointsElsewhere_RepairedBeforeAnyCheckIn()
    {
        _h.Source.Define("app@1").Define("app@2");
        var setup = _h.Start();
        await setup.DesireAsync("app@1");
        await setup.DesireAsync("app@2");
        new CurrentLink(_h.Paths, FaultPoints.None).PointAt("app@1"); // someone (or something) moved it

        var restarted = _h.Start();
        await restarted.Engine.ReconcileAsync(quickOnly: true, EngineHarness.Ct);

        Assert.Equal("app@2", _h.LinkedRelease());
        Assert.Equal(["app@2"], restarted.Workloads.Started);
        Assert.Contains(restarted.Messages(), m => m.StartsWith("Repaired the data folder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartUp_RealFolderInPlaceOfCurrent_Replaced()
    {
        _h.Source.Define("app@1");
        await _h.Start().DesireAsync("app@1");
        File.Delete(_h.Paths.Current);
        Directory.CreateDirectory(_h.Paths.Current);

        var restarted = _h.Start();
        await restarted.ReconcileAsync();

        Assert.Equal("app@1", _h.LinkedRelease());
        _h.AssertConsistent();
    }

    [Fact]
    public async Task TufSource_UnsignedRelease_RefusedAndNotRetriedOnSameTargets()
    {
        await using var client = await TufClientFixture.StartAsync();
        var source = new TufReleaseSource(_ => Task.FromResult(client.Updater()), new ReleaseStager(_h.Paths.Staging, () => long.MaxValue));
        using var engine = UpdateEngineFactory.Create(_h.Paths, source, new FakeWorkloads(), null, _h.Time, NullLogger.Instance, EngineHarness.Poll);
        engine.Load();

        engine.OnDesired("app@1.0.0");
        await _h.Time.DriveAsync(engine.ReconcileAsync(quickOnly: false, EngineHarness.Ct), EngineHarness.Poll);
        var requests = client.Server.Requests.Count;
        await _h.Time.DriveAsync(engine.ReconcileAsync(quickOnly: false, EngineHarness.Ct), EngineHarness.Poll);

        var report = engine.Status.Update!;
        Assert.Equal((UpdateState.Refused, "release app@1.0.0 is not in the verified targets metadata"), (report.State, report.Detail));
        // The recheck only refreshes metadata (as the release worker did); nothing of the release is asked for again.
        var again = client.Server.Requests.Skip(requests).ToList();
        Assert.DoesNotContain(again, r => r.Contains("targets.json", StringComparison.Ordinal) || r.Contains("releases/", StringComparison.Ordinal));
        Assert.False(Directory.Exists(_h.Paths.Release("app@1.0.0")));
    }
}
