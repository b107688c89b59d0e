using Outpost.Protocol.Devices;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Rollouts;

/// <summary>The engine's scenarios on fake time, over each storage provider. Devices are simulated through the device store.</summary>
public abstract class RolloutEngineTests : IAsyncLifetime
{
    private RolloutFleet? fleet;

    internal RolloutFleet Fleet => fleet!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal abstract Task<StoreDatabase> OpenDatabaseAsync();

    public virtual async ValueTask InitializeAsync() => fleet = await RolloutFleet.CreateAsync(OpenDatabaseAsync);

    public virtual async ValueTask DisposeAsync()
    {
        if (fleet is not null)
        {
            await fleet.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static RolloutSpec Spec(string tag, Action<RolloutSpec>? change = null)
    {
        var spec = new RolloutSpec
        {
            Release = RolloutFleet.NewRelease,
            Target = new RolloutTarget { Tags = [tag] },
            BakeTime = "10m",
            DeviceTimeout = "15m",
            Gates = new RolloutGates
            {
                MaxFailureRatio = 0.1, MinSample = 5,
                Metrics = [new MetricGate { Metric = "inference_fps", MaxRegressionRatio = 0.2, Direction = MetricDirection.HigherIsBetter }],
            },
        };
        change?.Invoke(spec);
        return spec;
    }

    private async Task<IReadOnlyList<RolloutDecisionView>> DecisionsAsync(string id) => await Fleet.Rollouts.GetDecisionsAsync(id, null, Ct);

    [Fact]
    public async Task Tick_HealthyFleet_PhasesInOrderAndEveryTargetEndsOnNewRelease()
    {
        await Fleet.SeedAsync("healthy", 200, 20);
        Fleet.Metrics.Value = (_, _) => 30;
        var id = await Fleet.StartAsync(Spec("healthy"));

        var rollout = await Fleet.RunAsync(id, 120);

        Assert.Equal(RolloutState.Completed, rollout.State);
        var decisions = await DecisionsAsync(id);
        Assert.Equal([0, 1, 2], decisions.Where(d => d.Action == "phaseStarted").Select(d => d.Evidence!.Phase!.Value));
        Assert.Equal(
            ["phaseStarted", "baking", "promoted", "phaseStarted", "baking", "promoted", "phaseStarted", "baking", "promoted", "completed"],
            decisions.Where(d => d.Action is not ("created" or "devicesAssigned")).Select(d => d.Action));
        var assigned = decisions.Where(d => d.Action == "devicesAssigned").SelectMany(d => d.Evidence!.DeviceIds).ToList();
        Assert.Equal(200, assigned.Count);
        Assert.Equal(200, assigned.Distinct().Count());
        var canaries = decisions.First(d => d.Action == "devicesAssigned").Evidence!.DeviceIds;
        Assert.Equal(10, canaries.Count);
        Assert.Equal(10, canaries.Select(c => Fleet.Fleet[c].Site).Distinct().Count());
        var rows = await Fleet.RowsAsync();
        Assert.All(rows.Values, d => Assert.Equal((RolloutFleet.NewRelease, RolloutFleet.NewRelease), (d.DesiredRelease, d.CurrentRelease)));
        // Judged against the control cohort while there is one; the last phase has none left.
        Assert.All(
            decisions.Where(d => d.Action == "promoted").Take(2),
            d => Assert.Contains("metric:inference_fps 30 (control 30)", d.Reason, StringComparison.Ordinal));
        Assert.Contains(rollout.Gates, g => g.Gate == "metric:inference_fps" && g.Passed is null && g.Control is null);
    }

    [Fact]
    public async Task Tick_TwentyPercentOfCanariesCrash_HaltsAfterMinSampleAndOnlyCanariesGoBackToPreviousRelease()
    {
        await Fleet.SeedAsync("crash", 200, 20);
        var id = await Fleet.StartAsync(Spec("crash", s =>
        {
            s.Phases = [new() { Percent = 10 }, new() { Percent = 50 }, new() { Percent = 100 }];
            s.Gates.MinSample = 10;
        }));
        await Fleet.Engine.TickAsync(Ct);
        var canaries = (await Fleet.Rollouts.GetMembersAsync(id, Ct)).Where(m => m.Phase == 0).Select(m => m.DeviceId).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(20, canaries.Count);
        var crashing = canaries.Where((_, i) => i % 5 == 0).ToList();
        foreach (var device in crashing)
        {
            Fleet.Fleet[device].FailsOn = (RolloutFleet.NewRelease, UpdateFailureCause.CrashLoop);
        }

        var rollout = await Fleet.RunAsync(id, 60);

        Assert.Equal(RolloutState.RolledBack, rollout.State);
        var halted = Assert.Single(await DecisionsAsync(id), d => d.Action == "halted");
        Assert.Equal("failureRatio", halted.Evidence!.Gate);
        Assert.Equal(0.2, halted.Evidence.Value!.Value, 3);
        Assert.True(halted.Evidence.Sample >= 10);
        Assert.Equal(crashing.Order(StringComparer.Ordinal), halted.Evidence.DeviceIds.Order(StringComparer.Ordinal));
        Assert.All(halted.Evidence.Causes!.Values, c => Assert.Equal("RolledBack/CrashLoop", c));
        var rows = await Fleet.RowsAsync();
        foreach (var (deviceId, row) in rows)
        {
            if (canaries.Contains(deviceId))
            {
                Assert.Equal((RolloutFleet.OldRelease, RolloutFleet.OldRelease), (row.DesiredRelease, row.CurrentRelease));
            }
            else
            {
                Assert.Equal((null, RolloutFleet.OldRelease), (row.DesiredRelease, row.CurrentRelease));
            }
        }

        Assert.Equal(["rollingBack"], (await DecisionsAsync(id)).Where(d => d.Action == "rollingBack").Select(d => d.Action));
        Assert.Equal(canaries, (await DecisionsAsync(id)).Single(d => d.Action == "rollingBack").Evidence!.DeviceIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tick_CanaryFpsThirtyPercentBelowControl_HaltsWithDecisionNamingMetricAndValues()
    {
        await Fleet.SeedAsync("fps", 100, 10);
        Fleet.Metrics.Value = (metric, device) => metric == "inference_fps" ? (Fleet.Fleet[device].Current == RolloutFleet.NewRelease ? 21 : 30) : null;
        var id = await Fleet.StartAsync(Spec("fps", s => s.OnFailure = FailurePolicy.Pause));

        var rollout = await Fleet.RunAsync(id, 60, RolloutState.Halted, RolloutState.Completed);

        Assert.Equal(RolloutState.Halted, rollout.State);
        Assert.Equal(0, rollout.Phase);
        var halted = Assert.Single(await DecisionsAsync(id), d => d.Action == "halted");
        Assert.Equal(("metric:inference_fps", "inference_fps", 21.0, 30.0), (halted.Evidence!.Gate, halted.Evidence.Metric, halted.Evidence.Value, halted.Evidence.Control));
        Assert.Contains("inference_fps", halted.Reason, StringComparison.Ordinal);
        Assert.Contains("21", halted.Reason, StringComparison.Ordinal);
        Assert.Contains("30", halted.Reason, StringComparison.Ordinal);
        Assert.Contains("20% lower than control", halted.Evidence.Threshold, StringComparison.Ordinal);
        // onFailure: pause: halted, nothing sent back, and it stays halted on later ticks.
        await Fleet.RunAsync(id, 5, RolloutState.RollingBack);
        Assert.Equal(RolloutState.Halted, (await Fleet.Rollouts.GetAsync(id, Ct))!.State);
        Assert.Equal(5, (await Fleet.RowsAsync()).Values.Count(d => d.DesiredRelease == RolloutFleet.NewRelease));
    }

    [Fact]
    public async Task Tick_NewEngineOverSameDatabaseMidRollout_ResumesWithoutRepeatingOrSkippingAPhase()
    {
        await Fleet.SeedAsync("restart", 200, 20);
        var id = await Fleet.StartAsync(Spec("restart", s => s.Gates.Metrics = []));
        var midway = await Fleet.RunAsync(id, 120, RolloutState.Baking);
        Assert.Equal(0, midway.Phase);
        await Fleet.RunAsync(id, 120, RolloutState.Running);
        Assert.Equal(1, (await Fleet.Rollouts.GetAsync(id, Ct))!.Phase);

        await Fleet.RestartAsync();
        var rollout = await Fleet.RunAsync(id, 120);

        Assert.Equal(RolloutState.Completed, rollout.State);
        var decisions = await DecisionsAsync(id);
        Assert.Equal([0, 1, 2], decisions.Where(d => d.Action == "phaseStarted").Select(d => d.Evidence!.Phase!.Value));
        Assert.Equal([0, 1, 2], decisions.Where(d => d.Action == "promoted").Select(d => d.Evidence!.Phase!.Value));
        var assigned = decisions.Where(d => d.Action == "devicesAssigned").SelectMany(d => d.Evidence!.DeviceIds).ToList();
        Assert.Equal(200, assigned.Distinct().Count());
        Assert.Equal(200, assigned.Count);
    }

    [Theory]
    [InlineData(OfflinePolicy.Wait)]
    [InlineData(OfflinePolicy.Exclude)]
    public async Task Tick_SiteOffline_ItsDevicesTimeOutWithoutFailingTheGate(OfflinePolicy policy)
    {
        await Fleet.SeedAsync("partition", 200, 20);
        var offline = Fleet.Fleet.Values.Where(d => d.Site == "partition-s03").ToList();
        offline.ForEach(d => d.Online = false);
        for (var i = 0; i < 3; i++)
        {
            Fleet.Time.Advance(TimeSpan.FromMinutes(1));
            await Fleet.CheckInAsync();
        }

        var id = await Fleet.StartAsync(Spec("partition", s => { s.Offline = policy; s.Gates.Metrics = []; }));

        var rollout = await Fleet.RunAsync(id, 200);

        Assert.Equal(RolloutState.Completed, rollout.State);
        var members = (await Fleet.Rollouts.GetMembersAsync(id, Ct)).ToDictionary(m => m.DeviceId);
        var expected = policy == OfflinePolicy.Wait ? RolloutDeviceState.TimedOut : RolloutDeviceState.Excluded;
        Assert.All(offline, d => Assert.Equal(expected, members[d.Id].State));
        Assert.Equal(190, members.Values.Count(m => m.State == RolloutDeviceState.Updated));
        Assert.DoesNotContain(await DecisionsAsync(id), d => d.Action == "halted");
        Assert.Contains(await DecisionsAsync(id), d => d.Action == "devicesTimedOut" && d.Evidence!.DeviceIds.Count == 10);
        // Offline devices are chosen last: none of them is a canary.
        Assert.DoesNotContain(members.Values, m => m.Site == "partition-s03" && m.Phase != 2);

        offline.ForEach(d => d.Online = true);
        await Fleet.CheckInAsync();
        await Fleet.CheckInAsync();
        var rows = await Fleet.RowsAsync();
        var back = policy == OfflinePolicy.Wait ? RolloutFleet.NewRelease : RolloutFleet.OldRelease;
        Assert.All(offline, d => Assert.Equal((back, back), (rows[d.Id].DesiredRelease, rows[d.Id].CurrentRelease)));
    }

    [Fact]
    public async Task Tick_MaxConcurrentPerSite_NeverMoreDevicesOfASiteInFlight()
    {
        await Fleet.SeedAsync("limit", 40, 2);
        var id = await Fleet.StartAsync(Spec("limit", s => { s.Phases = [new() { Percent = 100, BakeTime = "0" }]; s.MaxConcurrentPerSite = 3; s.Gates.Metrics = []; }));

        for (var i = 0; i < 30 && (await Fleet.Rollouts.GetAsync(id, Ct))!.State != RolloutState.Completed; i++)
        {
            await Fleet.Engine.TickAsync(Ct);
            var inFlight = (await Fleet.Rollouts.GetMembersAsync(id, Ct)).Where(m => m.State == RolloutDeviceState.Assigned).GroupBy(m => m.Site);
            Assert.All(inFlight, g => Assert.True(g.Count() <= 3, $"{g.Key}: {g.Count()} in flight"));
            await Fleet.CheckInAsync();
            Fleet.Time.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(RolloutState.Completed, (await Fleet.Rollouts.GetAsync(id, Ct))!.State);
    }

    [Fact]
    public async Task CreateAsync_DeviceInAnotherActiveRollout_RefusedNamingItUntilThatOneEnds()
    {
        await Fleet.SeedAsync("conflict", 10, 2);
        var first = await Fleet.StartAsync(Spec("conflict"));
        var record = await Fleet.Rollouts.GetAsync(first, Ct);
        var second = record! with { Id = "ro-second" };

        Assert.Equal(first, await Fleet.Rollouts.CreateAsync(second, ["conflict-0003"], new("created", "test"), Ct));
        Assert.Null(await Fleet.Rollouts.GetAsync("ro-second", Ct));

        Assert.True(await Fleet.Rollouts.SaveAsync(record with { State = RolloutState.Aborted }, record.Version, [], [new("aborted", "test")], Ct));
        Assert.Null(await Fleet.Rollouts.CreateAsync(second, ["conflict-0003"], new("created", "test"), Ct));
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_RefusedAndNothingWritten()
    {
        await Fleet.SeedAsync("version", 3, 1);
        var id = await Fleet.StartAsync(Spec("version"));
        var record = (await Fleet.Rollouts.GetAsync(id, Ct))!;
        Assert.True(await Fleet.Rollouts.SaveAsync(record with { State = RolloutState.Paused }, record.Version, [], [new("paused", "a")], Ct));

        Assert.False(await Fleet.Rollouts.SaveAsync(record with { State = RolloutState.Running }, record.Version, [], [new("x", "b")], Ct));

        Assert.Equal(RolloutState.Paused, (await Fleet.Rollouts.GetAsync(id, Ct))!.State);
        Assert.Equal(["created", "paused"], (await DecisionsAsync(id)).Select(d => d.Action));
    }

    [Fact]
    public async Task HaltedAsync_ListsHaltedAndRecentlyRolledBack()
    {
        await Fleet.SeedAsync("alerts", 10, 2);
        var id = await Fleet.StartAsync(Spec("alerts"));
        var record = (await Fleet.Rollouts.GetAsync(id, Ct))!;
        var reader = new Outpost.Server.Rollouts.RolloutStatusReader(Fleet.Rollouts);
        Assert.DoesNotContain(await reader.HaltedAsync(Fleet.Time.GetUtcNow(), Ct), h => h.Id == id);

        await Fleet.Rollouts.SaveAsync(
            record with { State = RolloutState.RolledBack, HaltedAt = Fleet.Time.GetUtcNow(), Reason = "gate failureRatio failed" }, record.Version, [], [], Ct);

        var halted = Assert.Single(await reader.HaltedAsync(Fleet.Time.GetUtcNow().AddMinutes(-5), Ct), h => h.Id == id);
        Assert.Equal(("gate failureRatio failed", RolloutFleet.NewRelease), (halted.Reason, halted.Release));
        Assert.DoesNotContain(await reader.HaltedAsync(Fleet.Time.GetUtcNow().AddMinutes(5), Ct), h => h.Id == id);
    }
}
