using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Rollouts;
using Outpost.Sim.Scenarios;

namespace Outpost.EndToEnd;

/// <summary>
/// Issue 5, "Scenarios": progressive rollouts driven by the fleet simulator against a real outpost-server process
/// (engine tick 250 ms, bake times of seconds). Every virtual device is enrolled for real and speaks the device
/// protocol through the agent's code; every test fails if the server logged an error.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RolloutScenarioTests(ITestOutputHelper output)
{
    private const string Old = "cam@1.0.0";
    private const string New = "cam@2.0.0";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    /// <summary>Devices of the healthy-rollout scenario: 1,000 unless OUTPOST_SCENARIO_DEVICES says otherwise.</summary>
    private static int HealthyDevices =>
        int.TryParse(Environment.GetEnvironmentVariable("OUTPOST_SCENARIO_DEVICES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 1000;

    [Fact]
    public async Task Scenario_HealthyRollout_ThousandDevicesTwentySites_PhasesInOrder_EveryDeviceOnNewRelease()
    {
        var clock = Stopwatch.StartNew();
        var devices = HealthyDevices;
        // One check-in per device every 2 s is 500/s at 1,000 devices: too much for a shared 2-core machine.
        var interval = TimeSpan.FromSeconds(Math.Max(2, devices / 200));
        await using var harness = await RolloutHarness.StartAsync(interval, [Old, New]);
        var fleet = await harness.StartFleetAsync(Scenario(devices, 20));
        output.WriteLine($"{devices} devices enrolled after {clock.Elapsed}");
        await harness.WaitForDevicesAsync(d => d.Count == devices && d.All(x => x.CurrentRelease == Old), Deadline, $"{devices} devices on {Old}");
        var started = clock.Elapsed;

        var rollout = await harness.CreateRolloutAsync(new RolloutSpec
        {
            Release = New,
            Target = new RolloutTarget { DeviceClass = "sim" },
            BakeTime = "2s",
        });
        Assert.Equal(devices, rollout.TargetCount);
        var done = await harness.WaitForStateAsync(rollout.Id, TimeSpan.FromMinutes(10),
            RolloutState.Completed, RolloutState.Halted, RolloutState.RollingBack, RolloutState.RolledBack, RolloutState.Paused, RolloutState.Aborted);
        output.WriteLine($"rollout over {devices} devices in 20 sites: {clock.Elapsed - started} (whole test so far {clock.Elapsed})");

        var decisions = await harness.DecisionsAsync(rollout.Id);
        Assert.True(done.State == RolloutState.Completed, $"rollout {done.State}: " + string.Join("; ", decisions.Select(d => $"{d.Action}: {d.Reason}")));
        // Default phases 5% -> 25% -> 100% (evidence numbers phases from 0), each started, baked and promoted in order, then completed.
        Assert.Equal([0, 1, 2], decisions.Where(d => d.Action == "phaseStarted").Select(d => d.Evidence?.Phase ?? -1));
        Assert.Equal([0, 1, 2], decisions.Where(d => d.Action == "promoted").Select(d => d.Evidence?.Phase ?? -1));
        Assert.Equal("completed", decisions[^1].Action);
        Assert.DoesNotContain(decisions, d => d.Action is "halted" or "devicesTimedOut");
        var order = decisions.Where(d => d.Action is "phaseStarted" or "baking" or "promoted").Select(d => $"{d.Action}{d.Evidence?.Phase}").ToList();
        Assert.Equal(["phaseStarted0", "baking0", "promoted0", "phaseStarted1", "baking1", "promoted1", "phaseStarted2", "baking2", "promoted2"], order);
        Assert.Equal(devices, done.Phases.Sum(p => p.Updated));
        Assert.Equal(devices, done.Devices.GetValueOrDefault(RolloutDeviceState.Updated));

        var server = await Infrastructure.Fleet.DevicesAsync(harness.Admin);
        Assert.Equal(devices, server.Count);
        Assert.All(server, d => Assert.Equal(New, d.CurrentRelease));
        Assert.All(fleet.Devices, d => Assert.Equal(New, d.CurrentRelease));
        await fleet.StopAsync();
        harness.Server.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Scenario_TwentyPercentOfCanariesCrash_HaltedAfterMinSample_OnlyCanariesTouched_BackOnPreviousRelease()
    {
        await using var harness = await RolloutHarness.StartAsync(Interval, [Old, New]);
        // 5 sites of 20; every device of site-01 crashes on the new release. The canary (20 devices) is spread
        // round-robin over the sites, 4 per site, so exactly 4 canaries (20 %) crash.
        var scenario = Scenario(100, 5);
        scenario.Behaviours.Add(new SimBehaviour { Sites = ["site-01"], CrashOn = New });
        var fleet = await harness.StartFleetAsync(scenario);
        await harness.WaitForDevicesAsync(d => d.Count == 100 && d.All(x => x.CurrentRelease == Old && x.Status == DeviceStatus.Online), Deadline, "fleet online on " + Old);

        var rollout = await harness.CreateRolloutAsync(new RolloutSpec
        {
            Release = New,
            Target = new RolloutTarget { DeviceClass = "sim" },
            Phases = [new RolloutPhaseSpec { Count = 20 }, new RolloutPhaseSpec { Percent = 100 }],
            BakeTime = "5s",
            Gates = new RolloutGates { MaxFailureRatio = 0.1, MinSample = 10 },
        });
        var final = await harness.WaitForStateAsync(rollout.Id, Deadline, RolloutState.RolledBack, RolloutState.Completed, RolloutState.Aborted);
        var decisions = await harness.DecisionsAsync(rollout.Id);
        Assert.True(final.State == RolloutState.RolledBack, $"rollout {final.State}: " + string.Join("; ", decisions.Select(d => $"{d.Action}: {d.Reason}")));

        var halted = Assert.Single(decisions, d => d.Action == "halted");
        Assert.Equal("failureRatio", halted.Evidence!.Gate);
        Assert.True(halted.Evidence.Sample >= 10, $"halted on a sample of {halted.Evidence.Sample}");
        Assert.True(halted.Evidence.Value > 0.1, $"failure ratio {halted.Evidence.Value}");
        Assert.Equal(0, halted.Evidence.Phase);
        Assert.DoesNotContain(decisions, d => d.Action == "phaseStarted" && d.Evidence?.Phase == 1);
        var crashed = fleet.Devices.Where(d => d.Site == "site-01").Select(d => d.Id).ToHashSet();
        Assert.NotEmpty(halted.Evidence.DeviceIds);
        Assert.All(halted.Evidence.DeviceIds, id => Assert.Contains(id, crashed));
        Assert.All(halted.Evidence.Causes!.Values, cause => Assert.Contains("CrashLoop", cause, StringComparison.Ordinal));

        // Touched: the canaries (assigned in phase 1), now desired back on N-1 and running it again.
        var devices = await harness.WaitForDevicesAsync(d => d.All(x => x.CurrentRelease == Old), Deadline, "every device on " + Old);
        var touched = devices.Where(d => d.DesiredRelease is not null).ToList();
        Assert.Equal(20, touched.Count);
        Assert.Equal(20, final.Phases[0].Assigned);
        Assert.All(touched, d =>
        {
            Assert.Equal(Old, d.DesiredRelease);
            Assert.NotNull(d.Update);
        });
        Assert.Equal(4, touched.Count(d => crashed.Contains(d.Id)));
        Assert.All(touched.Where(d => !crashed.Contains(d.Id)), d => Assert.Equal(New, d.PreviousRelease)); // updated, then reverted from its kept N-1
        // The rest never changed: no desired release, no update, still on the release they started with.
        Assert.All(devices.Except(touched), d =>
        {
            Assert.Null(d.Update);
            Assert.Equal(Old, d.CurrentRelease);
        });
        Assert.Equal(80, fleet.Devices.Count(d => d.Update is null && d.CurrentRelease == Old));
        await fleet.StopAsync();
        harness.Server.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Scenario_CanaryFpsThirtyPercentBelowControl_HaltedWithDecisionNamingMetricAndValues()
    {
        await using var harness = await RolloutHarness.StartAsync(Interval, [Old, New]);
        var scenario = Scenario(40, 4);
        scenario.Metrics["inference_fps"] = 30;
        scenario.MetricsInterval = TimeSpan.FromSeconds(1);
        scenario.Behaviours.Add(new SimBehaviour { MetricRegression = new SimMetricRegression { Release = New, Metric = "inference_fps", Change = -0.3 } });
        var fleet = await harness.StartFleetAsync(scenario);
        await harness.WaitForDevicesAsync(d => d.Count == 40 && d.All(x => x.CurrentRelease == Old && x.Status == DeviceStatus.Online), Deadline, "fleet online on " + Old);

        var rollout = await harness.CreateRolloutAsync(new RolloutSpec
        {
            Release = New,
            Target = new RolloutTarget { DeviceClass = "sim" },
            Phases = [new RolloutPhaseSpec { Count = 8 }, new RolloutPhaseSpec { Percent = 100 }],
            BakeTime = "10s",
            Gates = new RolloutGates
            {
                Metrics = [new MetricGate { Metric = "inference_fps", MaxRegressionRatio = 0.2, Direction = MetricDirection.HigherIsBetter }],
            },
        });
        var final = await harness.WaitForStateAsync(rollout.Id, Deadline, RolloutState.RolledBack, RolloutState.Completed, RolloutState.Aborted);
        var decisions = await harness.DecisionsAsync(rollout.Id);
        Assert.True(final.State == RolloutState.RolledBack, $"rollout {final.State}: " + string.Join("; ", decisions.Select(d => $"{d.Action}: {d.Reason}")));

        var halted = Assert.Single(decisions, d => d.Action == "halted");
        output.WriteLine($"halted: {halted.Reason}");
        Assert.Equal("inference_fps", halted.Evidence!.Metric);
        Assert.Contains("inference_fps", halted.Reason, StringComparison.Ordinal);
        // Healthy 30 fps with a fixed ±1 % per device: the canary runs at about 21, the control cohort at about 30.
        Assert.InRange(halted.Evidence.Value!.Value, 20, 22);
        Assert.InRange(halted.Evidence.Control!.Value, 29, 31);
        Assert.Equal(0, halted.Evidence.Phase);
        Assert.DoesNotContain(decisions, d => d.Action == "phaseStarted" && d.Evidence?.Phase == 1);
        await harness.WaitForDevicesAsync(d => d.All(x => x.CurrentRelease == Old), Deadline, "canaries back on " + Old);
        await fleet.StopAsync();
        harness.Server.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Scenario_SitePartitionedDuringRollout_DevicesTimeOutWithoutFailingGate_UpdatedWhenTheyReturn()
    {
        await using var harness = await RolloutHarness.StartAsync(Interval, [Old, New]);
        var scenario = Scenario(40, 4);
        // site-04 drops off the network 15 s into the run for 60 s: the rollout is created at about 5 s, its
        // second phase starts at about 20 s, and a device not heard from for 10 s times out.
        scenario.Offline.Add(new SimOfflineWindow { Sites = ["site-04"], At = TimeSpan.FromSeconds(15), For = TimeSpan.FromSeconds(60) });
        var fleet = await harness.StartFleetAsync(scenario);
        await harness.WaitForDevicesAsync(d => d.Count == 40 && d.All(x => x.CurrentRelease == Old && x.Status == DeviceStatus.Online), Deadline, "fleet online on " + Old);
        Assert.True(fleet.Elapsed < TimeSpan.FromSeconds(15), $"fleet online only after {fleet.Elapsed}: the partition would start before the rollout");

        var rollout = await harness.CreateRolloutAsync(new RolloutSpec
        {
            Release = New,
            Target = new RolloutTarget { DeviceClass = "sim" },
            Phases = [new RolloutPhaseSpec { Count = 4 }, new RolloutPhaseSpec { Percent = 100, BakeTime = "0" }],
            BakeTime = "8s",
            DeviceTimeout = "10s",
            Offline = OfflinePolicy.Wait,
        });
        var final = await harness.WaitForStateAsync(rollout.Id, Deadline, RolloutState.Completed, RolloutState.Halted, RolloutState.RollingBack, RolloutState.RolledBack, RolloutState.Aborted);
        var decisions = await harness.DecisionsAsync(rollout.Id);
        Assert.True(final.State == RolloutState.Completed, $"rollout {final.State}: " + string.Join("; ", decisions.Select(d => $"{d.Action}: {d.Reason}")));
        Assert.True(fleet.Elapsed < TimeSpan.FromSeconds(75), $"rollout completed only after the partition ended ({fleet.Elapsed})");

        var partitioned = fleet.Devices.Where(d => d.Site == "site-04").Select(d => d.Id).ToHashSet();
        var timedOut = decisions.Where(d => d.Action == "devicesTimedOut").SelectMany(d => d.Evidence!.DeviceIds).ToList();
        Assert.NotEmpty(timedOut);
        Assert.All(timedOut, id => Assert.Contains(id, partitioned));
        Assert.DoesNotContain(decisions, d => d.Action == "halted");
        Assert.Equal(0, final.Devices.GetValueOrDefault(RolloutDeviceState.Failed));
        Assert.Equal(timedOut.Count, final.Devices.GetValueOrDefault(RolloutDeviceState.TimedOut));

        // Offline: wait — they kept the new desired release and install it once the partition is over.
        var devices = await harness.WaitForDevicesAsync(d => d.All(x => x.CurrentRelease == New), Deadline, "every device on " + New);
        Assert.All(devices, d => Assert.Equal(New, d.DesiredRelease));
        Assert.True(fleet.Elapsed >= TimeSpan.FromSeconds(75), "the partitioned site updated inside its window");
        await fleet.StopAsync();
        harness.Server.AssertNoErrorsLogged();
    }

    private static SimScenario Scenario(int devices, int sites)
    {
        var scenario = SimScenario.Uniform(devices, sites);
        scenario.InitialRelease = Old;
        scenario.Install = new SimInstallTimes
        {
            Download = TimeSpan.FromSeconds(1),
            Verify = TimeSpan.FromMilliseconds(200),
            Installing = TimeSpan.FromMilliseconds(200),
            HealthCheck = TimeSpan.FromSeconds(1),
        };
        return scenario;
    }
}
