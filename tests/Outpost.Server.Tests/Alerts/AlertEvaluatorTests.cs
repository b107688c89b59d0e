using Outpost.Protocol.Alerts;
using Outpost.Server.Alerts.Rules;

namespace Outpost.Server.Tests.Alerts;

public sealed class AlertEvaluatorTests : IAsyncLifetime
{
    private AlertTestBed bed = null!;

    public async ValueTask InitializeAsync() => bed = await AlertTestBed.CreateAsync();

    public async ValueTask DisposeAsync() => await bed.DisposeAsync();

    [Fact]
    public async Task For_ConditionMustHoldForTheWholeDuration_BeforeFiring()
    {
        // DiskFull defaults to For = 5 minutes.
        await bed.AddDeviceAsync("dev-a", system: AlertTestBed.Healthy(diskTotal: 100, diskFree: 5));

        await bed.EvaluateAsync();
        bed.Time.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        var pending = await bed.EvaluateAsync();
        Assert.Empty(pending.Fired);
        Assert.Empty(await bed.AllAlertsAsync());

        bed.Time.Advance(TimeSpan.FromSeconds(1));
        var fired = await bed.EvaluateAsync();

        var alert = Assert.Single(fired.Fired);
        Assert.Equal("disk-full", alert.Rule);
        Assert.Equal(bed.Time.GetUtcNow(), Assert.Single(await bed.AllAlertsAsync()).StartedAt);
    }

    [Fact]
    public async Task For_ConditionClearsWhilePending_StartsOver()
    {
        await bed.AddDeviceAsync("dev-a", system: AlertTestBed.Healthy(diskTotal: 100, diskFree: 5));
        await bed.EvaluateAsync();
        bed.Time.Advance(TimeSpan.FromMinutes(3));
        await bed.SetSystemAsync("dev-a", AlertTestBed.Healthy());
        await bed.EvaluateAsync();
        await bed.SetSystemAsync("dev-a", AlertTestBed.Healthy(diskTotal: 100, diskFree: 5));
        bed.Time.Advance(TimeSpan.FromMinutes(3));
        await bed.EvaluateAsync();

        bed.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Empty((await bed.EvaluateAsync()).Fired);
        bed.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Single((await bed.EvaluateAsync()).Fired);
    }

    [Fact]
    public async Task FiringThenResolved_KeepsStartAndResolveTimes_AndNeverDuplicates()
    {
        await bed.AddDeviceAsync("dev-a", lastSeen: bed.Time.GetUtcNow());
        bed.Time.Advance(TimeSpan.FromMinutes(6));
        var firedAt = bed.Time.GetUtcNow();
        Assert.Single((await bed.EvaluateAsync()).Fired);

        for (var i = 0; i < 5; i++)
        {
            bed.Time.Advance(TimeSpan.FromSeconds(15));
            var again = await bed.EvaluateAsync();
            Assert.Empty(again.Fired);
            Assert.Single(again.StillFiring);
        }

        var lastEvaluated = bed.Time.GetUtcNow();
        var firing = Assert.Single(await bed.AllAlertsAsync());
        Assert.Equal(AlertState.Firing, firing.State);
        Assert.Equal(firedAt, firing.StartedAt);
        Assert.Equal(lastEvaluated, firing.LastEvaluatedAt);
        Assert.Contains("last check-in 7m ago", firing.Summary, StringComparison.Ordinal);

        bed.Time.Advance(TimeSpan.FromSeconds(15));
        await bed.SetAsync("dev-a", "last_seen_at", bed.Time.GetUtcNow());
        var resolvedAt = bed.Time.GetUtcNow();
        Assert.Equal([firing.Id], (await bed.EvaluateAsync()).ResolvedIds);

        bed.Time.Advance(TimeSpan.FromMinutes(1));
        var quiet = await bed.EvaluateAsync();
        Assert.False(quiet.Transitions);
        var resolved = Assert.Single(await bed.AllAlertsAsync());
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(firedAt, resolved.StartedAt);
        Assert.Equal(resolvedAt, resolved.ResolvedAt);
        Assert.Equal(resolvedAt, resolved.LastEvaluatedAt);
    }

    [Fact]
    public async Task NewEpisodeAfterResolve_IsANewRow_WithTheSameFingerprint()
    {
        await bed.AddDeviceAsync("dev-a", lastSeen: bed.Time.GetUtcNow().AddHours(-1));
        await bed.EvaluateAsync();
        await bed.SetAsync("dev-a", "last_seen_at", bed.Time.GetUtcNow());
        await bed.EvaluateAsync();
        bed.Time.Advance(TimeSpan.FromMinutes(10));

        var second = Assert.Single((await bed.EvaluateAsync()).Fired);

        var all = await bed.AllAlertsAsync();
        Assert.Equal(2, all.Count);
        Assert.Single(all, a => a.State == AlertState.Firing && a.Id == second.Id);
        Assert.Single(all, a => a.State == AlertState.Resolved);
        Assert.Single(all.Select(a => a.Fingerprint).Distinct());
    }

    [Fact]
    public async Task FailingRule_KeepsItsFiringAlerts_OtherRulesStillEvaluate()
    {
        bed.Options.Rules.Swapping.For = TimeSpan.Zero;
        await bed.AddDeviceAsync("dev-a");
        bed.Metrics.Set(SwappingRule.SwapInMetric, "dev-a", 500);
        Assert.Single((await bed.EvaluateAsync()).Fired);

        bed.Metrics.Fail = true;
        await bed.SetAsync("dev-a", "last_seen_at", bed.Time.GetUtcNow().AddHours(-1));
        var changes = await bed.EvaluateAsync();

        Assert.Empty(changes.ResolvedIds);
        Assert.Equal("device-offline", Assert.Single(changes.Fired).Rule);
        Assert.Equal(2, (await bed.Store.ListFiringAsync(TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task Transition_NotifiesDelivery_QuietRoundDoesNot()
    {
        await bed.AddDeviceAsync("dev-a", lastSeen: bed.Time.GetUtcNow().AddHours(-1));
        await bed.EvaluateAsync();
        using (var first = new CancellationTokenSource())
        {
            Assert.True(await bed.Signal.WaitAsync(first.Token));
        }

        await bed.EvaluateAsync();
        using var none = new CancellationTokenSource();
        var waiting = bed.Signal.WaitAsync(none.Token);
        Assert.False(waiting.IsCompleted);
        await none.CancelAsync();
        Assert.False(await waiting);
    }

    [Fact]
    public async Task ResolvedAlerts_OlderThanRetention_AreDeleted()
    {
        await bed.AddDeviceAsync("dev-a", lastSeen: bed.Time.GetUtcNow().AddHours(-1));
        await bed.EvaluateAsync();
        await bed.SetAsync("dev-a", "last_seen_at", bed.Time.GetUtcNow());
        await bed.EvaluateAsync();
        bed.Options.ResolvedRetention = TimeSpan.FromDays(1);

        bed.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        await bed.SetAsync("dev-a", "last_seen_at", bed.Time.GetUtcNow());
        await bed.EvaluateAsync();
        Assert.Single(await bed.AllAlertsAsync());

        bed.Time.Advance(TimeSpan.FromSeconds(2));
        await bed.SetAsync("dev-a", "last_seen_at", bed.Time.GetUtcNow());
        await bed.EvaluateAsync();
        Assert.Empty(await bed.AllAlertsAsync());
    }
}
