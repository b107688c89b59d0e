using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol.Alerts;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Rollouts;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Alerts;
using Outpost.Server.Rollouts;
using Outpost.Server.Storage;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>One device's page through the real server: facts, release history, charts, events, logs, alerts, 404.</summary>
public sealed class DeviceDetailPageTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DevicePage_ShowsFactsReleaseHistoryChartsEventsLogsAndAlerts()
    {
        await using var server = await OutpostTestServer.StartAsync(
            time: new FakeTimeProvider(Now), settings: new Dictionary<string, string?> { ["Outpost:Rollouts:EngineEnabled"] = "false" });
        var seed = await DeviceFleetSeed.CreateAsync(server, Now);
        await seed.AddAsync(
            "dev-detail", "north", ["camera"], "gate-01", Now.AddSeconds(-5), "vision@1.1.0",
            new UpdateReport
            {
                Release = "vision@1.2.0", State = UpdateState.RolledBack, Cause = UpdateFailureCause.CrashLoop,
                Detail = "process infer restarted 5 times in 60 s", At = Now.AddMinutes(-3),
            });
        var telemetry = server.Services.GetRequiredService<ITelemetryStore>();
        await telemetry.IngestAsync("dev-detail", Metrics(), Now, Ct);
        await telemetry.IngestAsync("dev-detail", new TelemetryBatch
        {
            Stream = TelemetryChannel.Events,
            Records =
            [
                new() { Sequence = 1, At = Now.AddMinutes(-4), Name = "update.rolled_back", Level = "warning", Message = "back on vision@1.1.0" },
                new() { Sequence = 2, At = Now.AddMinutes(-2), Name = "camera.lost", Level = "error", Message = "<img src=x onerror=alert(1)>" },
            ],
        }, Now, Ct);
        await telemetry.IngestAsync("dev-detail", new TelemetryBatch
        {
            Stream = TelemetryChannel.Logs,
            Records = [new() { Sequence = 1, At = Now.AddMinutes(-1), Name = "infer", Level = "info", Message = "model loaded in 812 ms" }],
        }, Now, Ct);
        await server.Services.GetRequiredService<IAlertStore>().ApplyAsync(
            new AlertChanges(Now, [Alert("dev-detail", "crash-loop"), Alert("dev-other", "disk-full")], [], []), Ct);
        await AddRolloutAsync(server, "ro-vision-12", "vision@1.2.0", "dev-detail");
        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        var (status, html) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices/dev-detail");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("<h1>[^<]*dev-detail[^<]*</h1>", html);
        Assert.Contains("id=\"device-live\" data-live", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"cert-expiry\"[^>]*>[^<]*20 days left", html);
        Assert.Contains("0A1B2C", html, StringComparison.Ordinal);
        Assert.Contains("gate-01", html, StringComparison.Ordinal);

        var history = Section(html, "release-history");
        foreach (var text in new[] { "vision@1.1.0", "vision@1.2.0", "rolledback", "CrashLoop", "process infer restarted 5 times in 60 s", "ro-vision-12", "reverted", "crash loop on 3 devices", "update.rolled_back" })
        {
            Assert.Contains(text, history, StringComparison.Ordinal);
        }

        foreach (var metric in new[] { "cpu", "memory", "swap", "disk", "temperature", "network" })
        {
            Assert.Matches($"<figure class=\"chart\" data-metric=\"{metric}\">\\s*<svg ", html);
        }

        var cpu = Figure(html, "cpu");
        Assert.Contains("<figcaption>CPU: latest 60 %", cpu, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"line line-0\" points=\"", cpu, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-cpu-title\">CPU: latest 60 %", cpu, StringComparison.Ordinal);
        Assert.Contains("lowest 20 %, highest 60 %", cpu, StringComparison.Ordinal);
        Assert.Matches("<text class=\"y-max\"[^>]*>100 %</text>", cpu);
        Assert.Matches("<text class=\"y-min\"[^>]*>0 %</text>", cpu);
        Assert.Matches("<circle class=\"dot line-0\" cx=\"[0-9.]+\" cy=\"[0-9.]+\"", cpu);
        var disk = Figure(html, "disk");
        Assert.Contains("<figcaption>Disk used: latest / 50 %, /data 90 %", disk, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(disk, "<polyline "));
        Assert.Contains("Network: latest receive 2 KiB/s, transmit 512 B/s", Figure(html, "network"), StringComparison.Ordinal);
        Assert.Contains("Temperature: no data in the last 1 h", Figure(html, "temperature"), StringComparison.Ordinal);

        var events = Section(html, "device-events");
        Assert.Contains("camera.lost", events, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", events, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("model loaded in 812 ms", Section(html, "device-logs"), StringComparison.Ordinal);
        Assert.Contains("crash-loop", html, StringComparison.Ordinal);
        Assert.DoesNotContain("disk-full", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevicePage_Window_SelectsTheChartRange_BadWindowIs400()
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        var seed = await DeviceFleetSeed.CreateAsync(server, Now);
        await seed.AddAsync("dev-w", seen: Now);
        await server.Services.GetRequiredService<ITelemetryStore>().IngestAsync("dev-w", new TelemetryBatch
        {
            Stream = TelemetryChannel.Metrics,
            Records = [new() { Sequence = 1, At = Now.AddHours(-3), Name = "system_cpu_usage_ratio", Value = Value(0.33) }],
        }, Now, Ct);
        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        var (_, hour) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices/dev-w");
        Assert.Contains("CPU: no data in the last 1 h", hour, StringComparison.Ordinal);
        var (_, sixHours) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices/dev-w?window=6h");
        Assert.Contains("CPU: latest 33 %", sixHours, StringComparison.Ordinal);
        Assert.Contains("<option value=\"6h\" selected>", sixHours, StringComparison.Ordinal);

        var (status, bad) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices/dev-w?window=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("window must be one of 1h, 6h, 24h, 7d", bad, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev-unknown")]
    [InlineData("%3Cscript%3Ealert(1)%3C%2Fscript%3E")]
    public async Task DevicePage_UnknownId_Is404InsideTheShell(string id)
    {
        await using var server = await OutpostTestServer.StartAsync(time: new FakeTimeProvider(Now));
        using var client = await DeviceFleetSeed.LoginAsync(server, server.InitialAdminToken!);

        var (status, html) = await DeviceFleetSeed.GetAsync(client, "/dashboard/devices/" + id);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("data-testid=\"who\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"notice\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
    }

    private static TelemetryBatch Metrics()
    {
        var records = new List<TelemetryRecord>();
        void Add(string name, DateTimeOffset at, double mean, Dictionary<string, string>? attributes = null) =>
            records.Add(new() { Sequence = records.Count + 1, At = at, Name = name, Value = Value(mean), Attributes = attributes });
        for (var i = 0; i < 3; i++)
        {
            var at = Now.AddMinutes(-30 + (10 * i));
            Add("system_cpu_usage_ratio", at, 0.2 * (i + 1));
            Add("system_memory_used_bytes", at, 512 * 1024 * 1024);
            Add("system_swap_used_bytes", at, 0);
            Add("system_disk_used_ratio", at, 0.5, new() { ["mount"] = "/" });
            Add("system_disk_used_ratio", at, 0.9, new() { ["mount"] = "/data" });
            Add("system_network_receive_bytes_per_second", at, 2048);
            Add("system_network_transmit_bytes_per_second", at, 512);
        }

        return new TelemetryBatch { Stream = TelemetryChannel.Metrics, Records = records };
    }

    private static MetricAggregate Value(double mean) => new() { Count = 6, Min = mean, Max = mean, Mean = mean, WindowSeconds = 60 };

    private static AlertRecord Alert(string device, string rule) => new()
    {
        Id = $"alr-{device}-{rule}", Fingerprint = $"{rule}/{device}", Rule = rule, DeviceId = device, Severity = "critical",
        Labels = new Dictionary<string, string> { ["device"] = device }, State = AlertState.Firing, StartedAt = Now, LastEvaluatedAt = Now,
        Summary = $"{rule} on {device}", RunbookUrl = $"http://127.0.0.1/v1/runbooks/{rule}.md",
    };

    /// <summary>A rollout that sent the device a release and reverted it, as the rollout engine stores it.</summary>
    private static async Task AddRolloutAsync(OutpostTestServer server, string id, string release, string deviceId)
    {
        var store = server.Services.GetRequiredService<IRolloutStore>();
        var rollout = new RolloutRecord
        {
            Id = id, Spec = new RolloutSpec { Release = release, Target = new RolloutTarget { Devices = [deviceId] } }, State = RolloutState.Running,
            Phase = 0, TargetCount = 1, CreatedAt = Now.AddMinutes(-10), CreatedBy = "test", UpdatedAt = Now.AddMinutes(-10),
        };
        Assert.Null(await store.CreateAsync(rollout, [deviceId], new RolloutDecision("create", "test"), Ct));
        var saved = rollout with { State = RolloutState.RolledBack, Reason = "crash loop on 3 devices", UpdatedAt = Now };
        var member = new RolloutMember
        {
            DeviceId = deviceId, Site = "north", Phase = 0, State = RolloutDeviceState.Reverted, PreviousRelease = "vision@1.1.0",
            AssignedAt = Now.AddMinutes(-9), FinishedAt = Now.AddMinutes(-3), Cause = "crash loop on 3 devices",
        };
        Assert.True(await store.SaveAsync(saved, rollout.Version, [member], [new RolloutDecision("rollback", "crash loop on 3 devices")], Ct));
    }

    private static string Section(string html, string id)
    {
        var start = html.IndexOf($"<section id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no section {id}");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static string Figure(string html, string metric)
    {
        var start = html.IndexOf($"data-metric=\"{metric}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no chart {metric}");
        return html[start..html.IndexOf("</figure>", start, StringComparison.Ordinal)];
    }
}
