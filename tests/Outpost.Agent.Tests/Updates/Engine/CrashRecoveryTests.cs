using Outpost.Agent.Updates.Engine;
using Outpost.Agent.Workloads;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Updates.Engine;

/// <summary>
/// A crash (the engine thrown away) at every durable point of an update — before each step, before and after each
/// journal write, each rename of current, each install — then a fresh engine on the same folder with no check-in:
/// the device must run the old or the new release complete, never a mix, and the journal must agree with the disk.
/// </summary>
public sealed class CrashRecoveryTests
{
    private sealed class CrashException : Exception
    {
        public CrashException()
            : base("simulated crash")
        {
        }
    }

    private sealed record Scenario(string Name, string[] Committed, string Target, bool TargetFails, string Final, string? FinalPrevious);

    private static readonly Dictionary<string, Scenario> Scenarios = new[]
    {
        new Scenario("first install", [], "app@1", false, "app@1", null),
        new Scenario("update", ["app@1"], "app@2", false, "app@2", "app@1"),
        new Scenario("update that fails its window", ["app@1"], "app@2", true, "app@1", null),
        new Scenario("fleet rollback to the kept release", ["app@1", "app@2"], "app@1", false, "app@1", "app@2"),
        new Scenario("update with garbage collection", ["app@1", "app@2"], "app@3", false, "app@3", "app@2"),
    }.ToDictionary(s => s.Name);

    public static TheoryData<string> Names => [.. Scenarios.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task CrashAtAnyPoint_RestartEndsOnOldOrNewCompleteRelease(string name)
    {
        var scenario = Scenarios[name];
        var points = await RunAsync(scenario, crashAt: int.MaxValue);
        Assert.True(points.Count >= 15, $"only {points.Count} fault points: {string.Join(", ", points)}");

        for (var n = 1; n <= points.Count; n++)
        {
            var point = points[n - 1];
            try
            {
                await RunAsync(scenario, crashAt: n);
            }
            catch (Exception ex) when (ex is not CrashException)
            {
                throw new InvalidOperationException($"{name}: crash at point {n} ({point}): {ex.Message}", ex);
            }
        }
    }

    /// <summary>Runs the scenario with a crash at the n-th fault point, restarts, asserts; returns the points passed.</summary>
    private static async Task<List<string>> RunAsync(Scenario scenario, int crashAt)
    {
        using var h = new EngineHarness();
        var setup = h.Start();
        foreach (var release in scenario.Committed)
        {
            h.Source.Define(release, healthWindowSeconds: 2);
            await setup.DesireAsync(release);
        }

        h.Source.Define(scenario.Target, healthWindowSeconds: 2);
        var staged = h.Source.Staged.Count;
        var old = h.Journal().Current;
        var points = new List<string>();
        var crashing = h.Start(new FaultPoints(point =>
        {
            points.Add(point);
            if (points.Count >= crashAt)
            {
                throw new CrashException(); // and at every later point: a crashed agent does nothing more
            }
        }));
        Configure(crashing, scenario);
        try
        {
            await crashing.DesireAsync(scenario.Target);
        }
        catch (CrashException)
        {
            // The crash hit the check-in's own journal write.
        }

        if (crashAt == int.MaxValue)
        {
            AssertOutcome(h, scenario, staged);
            return points;
        }

        var crashPoint = points[crashAt - 1];
        AssertOnCompleteRelease(h, old, scenario.Target, $"right after the crash at {crashPoint}");

        // The restart: start-up reconcile before any check-in, then the first check-in.
        var restarted = h.Start();
        Configure(restarted, scenario);
        await restarted.Engine.ReconcileAsync(quickOnly: true, EngineHarness.Ct);
        AssertOnCompleteRelease(h, old, scenario.Target, $"after the start-up reconcile (crash at {crashPoint})");
        await restarted.DesireAsync(scenario.Target);
        AssertOutcome(h, scenario, staged);
        Assert.Equal(scenario.Final, restarted.Workloads.Running);
        return points;
    }

    private static void Configure(EngineHarness.Device device, Scenario scenario)
    {
        if (scenario.TargetFails)
        {
            device.Workloads.HealthOf[scenario.Target] = new WorkloadHealth(false, UpdateFailureCause.CrashLoop, "crash loop", 4);
        }
    }

    private static void AssertOutcome(EngineHarness h, Scenario scenario, int stagedBefore)
    {
        h.AssertConsistent();
        var journal = h.Journal();
        Assert.Equal(scenario.Final, journal.Current);
        if (scenario.FinalPrevious is not null || !scenario.TargetFails)
        {
            Assert.Equal(scenario.FinalPrevious, journal.Previous);
        }

        if (scenario.TargetFails)
        {
            Assert.Equal(UpdateState.RolledBack, journal.FailureOf(scenario.Target)?.State);
        }

        if (scenario.Committed.Contains(scenario.Target))
        {
            Assert.Equal(stagedBefore, h.Source.Staged.Count); // a kept release is switched to, never fetched
        }

        var kept = new[] { journal.Current, journal.Previous }.OfType<string>().Order().ToArray();
        Assert.Equal(kept, h.InstalledReleases());
    }

    /// <summary>current is absent (first install) or points at the old or the new release, whose files are all there.</summary>
    private static void AssertOnCompleteRelease(EngineHarness h, string? old, string target, string when)
    {
        var linked = h.LinkedRelease();
        if (linked is null)
        {
            Assert.True(old is null, $"{when}: current points nowhere, the device was on {old}");
            return;
        }

        Assert.True(linked == old || linked == target, $"{when}: current points at {linked}");
        Assert.Null(ReleaseContent.Verify(h.Paths.Release(linked), null, out _));
    }
}
