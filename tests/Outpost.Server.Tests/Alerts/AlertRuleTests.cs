using Outpost.Protocol.Alerts;
using Outpost.Protocol.Devices;
using Outpost.Server.Alerts;
using Outpost.Server.Alerts.Rules;

namespace Outpost.Server.Tests.Alerts;

/// <summary>Every rule on both sides of its threshold, through the real evaluator and store.</summary>
public sealed class AlertRuleTests : IAsyncLifetime
{
    private AlertTestBed bed = null!;

    public async ValueTask InitializeAsync()
    {
        bed = await AlertTestBed.CreateAsync();
        bed.NoForDurations();
    }

    public async ValueTask DisposeAsync() => await bed.DisposeAsync();

    private async Task<List<AlertRecord>> FiringAsync(string rule)
    {
        await bed.EvaluateAsync();
        return [.. (await bed.Store.ListFiringAsync(TestContext.Current.CancellationToken)).Where(a => a.Rule == rule)];
    }

    [Fact]
    public async Task DeviceOffline_LastSeenBeyondFiveMinutes_Fires_WithinDoesNot()
    {
        var now = bed.Time.GetUtcNow();
        await bed.AddDeviceAsync("dev-late", lastSeen: now - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await bed.AddDeviceAsync("dev-fresh", lastSeen: now - TimeSpan.FromMinutes(5));

        var firing = Assert.Single(await FiringAsync("device-offline"));

        Assert.Equal("dev-late", firing.DeviceId);
        Assert.Equal("OutpostDeviceOffline", firing.Labels["alertname"]);
        Assert.Equal("critical", firing.Labels["severity"]);
        Assert.Equal("plant-1", firing.Labels["site"]);
        Assert.Equal("dev-late", firing.Labels["device"]);
        Assert.Contains("last check-in 5m ago", firing.Summary, StringComparison.Ordinal);
        Assert.Equal("http://outpost.example:8080/v1/runbooks/device-offline.md", firing.RunbookUrl);
    }

    [Fact]
    public async Task DeviceOffline_NeverCheckedIn_CountsFromEnrollment()
    {
        await bed.AddDeviceAsync("dev-new");
        await bed.SetAsync("dev-new", "last_seen_at", null);
        Assert.Empty(await FiringAsync("device-offline"));

        bed.Time.Advance(TimeSpan.FromMinutes(6));

        Assert.Contains("never checked in", Assert.Single(await FiringAsync("device-offline")).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeviceOffline_RevokedDevice_NeverAlerts()
    {
        await bed.AddDeviceAsync("dev-revoked", lastSeen: AlertTestBed.Start.AddHours(-1));
        await bed.SetAsync("dev-revoked", "revoked_at", AlertTestBed.Start);

        Assert.Empty(await FiringAsync("device-offline"));
    }

    [Fact]
    public async Task DiskFull_AboveNinetyPercent_FiresPerMount_AtNinetyDoesNot()
    {
        await bed.AddDeviceAsync("dev-a", system: AlertTestBed.Healthy() with
        {
            Disks = [new DiskUsage { Mount = "/", TotalBytes = 1000, FreeBytes = 99 }, new DiskUsage { Mount = "/data", TotalBytes = 1000, FreeBytes = 100 }],
        });

        var firing = Assert.Single(await FiringAsync("disk-full"));

        Assert.Equal("/", firing.Labels["mount"]);
        Assert.Equal("disk-full:device=dev-a,mount=/,site=plant-1", firing.Fingerprint);
        Assert.Contains("90.1% full", firing.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swapping_RateAboveThreshold_Fires_BelowDoesNot()
    {
        await bed.AddDeviceAsync("dev-swap");
        await bed.AddDeviceAsync("dev-calm");
        bed.Metrics.Set(SwappingRule.SwapInMetric, "dev-swap", 60);
        bed.Metrics.Set(SwappingRule.SwapOutMetric, "dev-swap", 41);
        bed.Metrics.Set(SwappingRule.SwapInMetric, "dev-calm", 50);
        bed.Metrics.Set(SwappingRule.SwapOutMetric, "dev-calm", 50);

        var firing = Assert.Single(await FiringAsync("swapping"));

        Assert.Equal("dev-swap", firing.DeviceId);
        Assert.Contains("101 pages/s", firing.Summary, StringComparison.Ordinal);
        var query = bed.Metrics.Queries.First(q => q.Metric == SwappingRule.SwapInMetric);
        Assert.Equal(bed.Time.GetUtcNow() - TimeSpan.FromMinutes(10), query.From);
        Assert.Equal(bed.Time.GetUtcNow(), query.To);
    }

    [Fact]
    public async Task Swapping_SwapUsedAboveRatio_Fires_BelowDoesNot()
    {
        await bed.AddDeviceAsync("dev-full", system: AlertTestBed.Healthy(swapTotal: 1000, swapFree: 190));
        await bed.AddDeviceAsync("dev-ok", system: AlertTestBed.Healthy(swapTotal: 1000, swapFree: 200));

        var firing = Assert.Single(await FiringAsync("swapping"));

        Assert.Equal("dev-full", firing.DeviceId);
        Assert.Contains("swap 81% used", firing.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InferenceRateLow_PerReleaseThreshold_FiresBelow_NotAtOrAbove()
    {
        bed.Options.Rules.InferenceRateLow.Minimums["cam"] = 20;
        bed.Options.Rules.InferenceRateLow.Minimums["cam@2.0.0"] = 25;
        await bed.AddDeviceAsync("dev-slow", currentRelease: "cam@1.0.0");
        await bed.AddDeviceAsync("dev-ok", currentRelease: "cam@1.0.0");
        await bed.AddDeviceAsync("dev-v2", currentRelease: "cam@2.0.0");
        await bed.AddDeviceAsync("dev-other", currentRelease: "meter@1.0.0");
        bed.Metrics.Set("inference_fps", "dev-slow", 19.5);
        bed.Metrics.Set("inference_fps", "dev-ok", 20);
        bed.Metrics.Set("inference_fps", "dev-v2", 24);
        bed.Metrics.Set("inference_fps", "dev-other", 2);

        var firing = await FiringAsync("inference-rate-low");

        Assert.Equal(["dev-slow", "dev-v2"], firing.Select(a => a.DeviceId).Order(StringComparer.Ordinal));
        Assert.Equal("cam@2.0.0", firing.Single(a => a.DeviceId == "dev-v2").Labels["release"]);
    }

    [Fact]
    public async Task InferenceRateLow_DefaultMinimum_AppliesToUnlistedReleases_NullDisables()
    {
        await bed.AddDeviceAsync("dev-stalled", currentRelease: "meter@1.0.0");
        await bed.AddDeviceAsync("dev-no-release");
        bed.Metrics.Set("inference_fps", "dev-stalled", 0.5);
        bed.Metrics.Set("inference_fps", "dev-no-release", 0);

        Assert.Equal("dev-stalled", Assert.Single(await FiringAsync("inference-rate-low")).DeviceId);

        bed.Options.Rules.InferenceRateLow.DefaultMinimum = null;
        Assert.Empty(await FiringAsync("inference-rate-low"));
    }

    [Fact]
    public async Task CrashLoop_RecentRollbackForCrashLoop_Fires_OtherCausesAndOldReportsDoNot()
    {
        var now = bed.Time.GetUtcNow();
        await bed.AddDeviceAsync("dev-loop", update: Report("cam@2.0.0", UpdateState.RolledBack, UpdateFailureCause.CrashLoop, now.AddMinutes(-59)));
        await bed.AddDeviceAsync("dev-probe", update: Report("cam@2.0.0", UpdateState.RolledBack, UpdateFailureCause.ProbeFailed, now));
        await bed.AddDeviceAsync("dev-old", update: Report("cam@2.0.0", UpdateState.RolledBack, UpdateFailureCause.CrashLoop, now.AddMinutes(-61)));

        var firing = Assert.Single(await FiringAsync("crash-loop"));

        Assert.Equal("dev-loop", firing.DeviceId);
        Assert.Equal("cam@2.0.0", firing.Labels["release"]);
    }

    [Fact]
    public async Task BadVersion_RolledBackOrFailed_Fires_CommittedDoesNot()
    {
        var now = bed.Time.GetUtcNow();
        await bed.AddDeviceAsync("dev-rb", update: Report("cam@2.0.0", UpdateState.RolledBack, UpdateFailureCause.ProbeFailed, now));
        await bed.AddDeviceAsync("dev-failed", update: Report("cam@2.0.0", UpdateState.Failed, UpdateFailureCause.InstallFailed, now));
        await bed.AddDeviceAsync("dev-ok", update: Report("cam@2.0.0", UpdateState.Committed, null, now));
        await bed.AddDeviceAsync("dev-old", update: Report("cam@1.0.0", UpdateState.Failed, UpdateFailureCause.DownloadFailed, now.AddHours(-25)));

        var firing = await FiringAsync("bad-version");

        Assert.Equal(["dev-failed", "dev-rb"], firing.Select(a => a.DeviceId).Order(StringComparer.Ordinal));
        Assert.Contains("(ProbeFailed)", firing.Single(a => a.DeviceId == "dev-rb").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateExpiring_WithinSevenDays_Fires_BeyondDoesNot()
    {
        var now = bed.Time.GetUtcNow();
        await bed.AddDeviceAsync("dev-soon", certificateNotAfter: now + TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        await bed.AddDeviceAsync("dev-later", certificateNotAfter: now + TimeSpan.FromDays(7));

        var firing = Assert.Single(await FiringAsync("certificate-expiring"));

        Assert.Equal("dev-soon", firing.DeviceId);
        Assert.Equal("warning", firing.Severity);
    }

    [Fact]
    public async Task RolloutHalted_HaltedRollout_Fires_ResumedResolves()
    {
        bed.Rollouts.Halted.Add(new HaltedRollout("ro-1", "cam@2.0.0", "install failure ratio 0.4 > 0.2", bed.Time.GetUtcNow()));

        var firing = Assert.Single(await FiringAsync("rollout-halted"));
        Assert.Null(firing.DeviceId);
        Assert.Equal("ro-1", firing.Labels["rollout"]);
        Assert.Contains("install failure ratio", firing.Description, StringComparison.Ordinal);

        bed.Rollouts.Halted.Clear();
        Assert.Empty(await FiringAsync("rollout-halted"));
    }

    [Fact]
    public async Task OutboxDropping_RecentIncrease_Fires_OldIncreaseDoesNot()
    {
        var now = bed.Time.GetUtcNow();
        await bed.AddDeviceAsync("dev-drop");
        await bed.AddDeviceAsync("dev-past");
        bed.Drops.Drops.Add(new TelemetryDrops("dev-drop", "Logs", 120, 4096, now.AddMinutes(-29)));
        bed.Drops.Drops.Add(new TelemetryDrops("dev-past", "Metrics", 5, 100, now.AddMinutes(-31)));
        bed.Drops.Drops.Add(new TelemetryDrops("dev-unknown", "Logs", 5, 100, now));

        var firing = Assert.Single(await FiringAsync("outbox-dropping"));

        Assert.Equal("dev-drop", firing.DeviceId);
        Assert.Equal("logs", firing.Labels["channel"]);
    }

    [Fact]
    public async Task DisabledRule_NeverFires_AndResolvesWhatItHadFiring()
    {
        await bed.AddDeviceAsync("dev-late", lastSeen: bed.Time.GetUtcNow().AddHours(-1));
        Assert.Single(await FiringAsync("device-offline"));

        bed.Options.Rules.DeviceOffline.Enabled = false;

        Assert.Empty(await FiringAsync("device-offline"));
        Assert.Equal(AlertState.Resolved, Assert.Single(await bed.AllAlertsAsync()).State);
    }

    [Fact]
    public void InferenceRateLow_MinimumFor_PrefersExactReleaseThenNameThenDefault()
    {
        var options = new AlertsOptions();
        options.Rules.InferenceRateLow.Minimums["cam"] = 20;
        options.Rules.InferenceRateLow.Minimums["cam@2.0.0"] = 25;
        var rule = new InferenceRateLowRule(Microsoft.Extensions.Options.Options.Create(options), new FakeMetricsReader());

        Assert.Equal(25, rule.MinimumFor("cam@2.0.0"));
        Assert.Equal(20, rule.MinimumFor("cam@1.0.0"));
        Assert.Equal(1, rule.MinimumFor("meter@1.0.0"));
    }

    private static UpdateReport Report(string release, UpdateState state, UpdateFailureCause? cause, DateTimeOffset at) =>
        new() { Release = release, State = state, Cause = cause, At = at, Detail = "workload infer restarted 4 times in 60 s" };
}
