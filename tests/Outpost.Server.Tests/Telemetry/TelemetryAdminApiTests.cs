using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Telemetry;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Telemetry;

public sealed class TelemetryAdminApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_WithName_ReturnsSeriesInRange_WithoutName_LatestOfEach()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TelemetryIngestTests.EnrollAsync(server);
        var t = TelemetryUploads.At;
        await (await device.Client.PostAsync(TelemetryUploads.Metrics(t.AddMinutes(-2), ("system_cpu_usage_ratio", 0.5, null), ("system_disk_used_ratio", 0.4, "/")))).AckAsync();
        await (await device.Client.PostAsync(TelemetryUploads.Metrics(t.AddMinutes(-1), ("system_cpu_usage_ratio", 0.25, null)), gzip: true)).AckAsync();
        using var viewer = server.AdminClient(await CreateTokenAsync(server, AdminRole.Viewer));

        var series = await viewer.GetFromJsonAsync(
            TelemetryApiRoutes.Metrics(device.Id) + $"?name=system_cpu_usage_ratio&from={Iso(t.AddHours(-1))}&to={Iso(t)}",
            OutpostJsonContext.Default.MetricSeriesView, Ct);
        var latest = await viewer.GetFromJsonAsync(TelemetryApiRoutes.Metrics(device.Id), OutpostJsonContext.Default.MetricSeriesView, Ct);
        var outOfRange = await viewer.GetFromJsonAsync(
            TelemetryApiRoutes.Metrics(device.Id) + $"?name=system_cpu_usage_ratio&from={Iso(t.AddMinutes(-1).AddSeconds(1))}&to={Iso(t)}",
            OutpostJsonContext.Default.MetricSeriesView, Ct);

        Assert.Equal([(t.AddMinutes(-2), 0.5), (t.AddMinutes(-1), 0.25)], series!.Points.Select(p => (p.At, p.Mean)));
        Assert.All(series.Points, p => Assert.Equal(0, p.ResolutionSeconds));
        Assert.Equal([("system_cpu_usage_ratio", 0.25, (string?)null), ("system_disk_used_ratio", 0.4, "/")],
            latest!.Points.Select(p => (p.Name, p.Mean, p.Attributes?["mount"])));
        Assert.Empty(outOfRange!.Points);
    }

    [Fact]
    public async Task EventsLogsAndStreams_NewestFirstWithLimit_DropsVisible()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TelemetryIngestTests.EnrollAsync(server);
        await (await device.Client.PostAsync(TelemetryUploads.Events(1, 2, 3) with { Drops = new StreamDrops { Records = 4, Bytes = 400 } })).AckAsync();
        await (await device.Client.PostAsync(TelemetryUploads.Events(5, 6) with { Stream = TelemetryChannel.Logs })).AckAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);

        var events = await admin.GetFromJsonAsync(TelemetryApiRoutes.Events(device.Id) + "?limit=2", OutpostJsonContext.Default.TelemetryEntryList, Ct);
        var logs = await admin.GetFromJsonAsync(TelemetryApiRoutes.Logs(device.Id), OutpostJsonContext.Default.TelemetryEntryList, Ct);
        var streams = await admin.GetFromJsonAsync(TelemetryApiRoutes.Streams(device.Id), OutpostJsonContext.Default.TelemetryStreamList, Ct);

        Assert.Equal([(3L, "event 3"), (2L, "event 2")], events!.Items.Select(e => (e.Sequence, e.Message!)));
        Assert.Equal([6L, 5], logs!.Items.Select(e => e.Sequence));
        Assert.Equal(
            [(TelemetryChannel.Events, 3L, 4L, 400L), (TelemetryChannel.Logs, 6L, 0L, 0L)],
            streams!.Items.Select(s => (s.Stream, s.StoredThrough, s.Drops.Records, s.Drops.Bytes)));
    }

    [Fact]
    public async Task TelemetryRoutes_BadQueryUnknownDeviceOrNoToken_PreciseErrors()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TelemetryIngestTests.EnrollAsync(server);
        using var admin = server.AdminClient(server.InitialAdminToken);
        using var anonymous = server.AdminClient(null);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(TelemetryApiRoutes.Events("dev-nope"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(TelemetryApiRoutes.Metrics("dev-nope"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(TelemetryApiRoutes.Logs(device.Id), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(TelemetryApiRoutes.FleetSummary, Ct)).StatusCode);
        foreach (var (query, field) in new[] { ("?name=a-b", "name"), ("?name=x&from=yesterday", "from"), ("?name=x&to=soon", "to"), ("?limit=0", "limit") })
        {
            var response = await admin.GetAsync(TelemetryApiRoutes.Metrics(device.Id) + query, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.ReadProblemAsync()).Errors!.Keys);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(TelemetryApiRoutes.Events(device.Id) + "?limit=5000", Ct)).StatusCode);
    }

    [Fact]
    public async Task FleetSummary_CountsByStatusSiteAndRelease()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var online = await TelemetryIngestTests.EnrollAsync(server, "north");
        using var quiet = await TelemetryIngestTests.EnrollAsync(server, "north");
        using var revoked = await TelemetryIngestTests.EnrollAsync(server, "south");
        Assert.True((await online.CheckInAsync(TestDevice.SampleCheckIn() with { CurrentRelease = "app@1.2.0" })).IsSuccessStatusCode);
        using var admin = server.AdminClient(server.InitialAdminToken);
        Assert.True((await admin.PostAsync(AdminApiRoutes.RevokeDevice(revoked.Id), null, Ct)).IsSuccessStatusCode);

        var summary = (await admin.GetFromJsonAsync(TelemetryApiRoutes.FleetSummary, OutpostJsonContext.Default.FleetSummary, Ct))!;

        Assert.Equal((3, 1, 1, 1), (summary.Devices.Total, summary.Devices.Online, summary.Devices.Offline, summary.Devices.Revoked));
        Assert.Equal([("north", 2, 1, 1, 0), ("south", 1, 0, 0, 1)], summary.BySite.Select(s => (s.Key!, s.Total, s.Online, s.Offline, s.Revoked)));
        Assert.Equal([(null, 2, 0), ("app@1.2.0", 1, 1)], summary.ByRelease.Select(r => (r.Key, r.Total, r.Online)));
    }

    [Fact]
    public async Task Compaction_OnFakeClock_RollsRawWindowsUpAfterRawRetention()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await OutpostTestServer.StartAsync(time: time, settings: new Dictionary<string, string?>
        {
            // The pass is triggered by the test, not by the timer.
            ["Outpost:Telemetry:CompactionInterval"] = "7.00:00:00",
            ["Outpost:Telemetry:RawMetricRetention"] = "01:00:00",
        });
        using var device = await TelemetryIngestTests.EnrollAsync(server);
        var start = time.GetUtcNow();
        await (await device.Client.PostAsync(TelemetryUploads.Metrics(start.AddSeconds(-20), ("inference_fps", 10, null)))).AckAsync();
        await (await device.Client.PostAsync(TelemetryUploads.Metrics(start.AddSeconds(-10), ("inference_fps", 20, null)))).AckAsync();
        var compaction = server.Services.GetRequiredService<TelemetryCompactionService>();

        Assert.Equal(0, (await compaction.CompactOnceAsync(Ct)).MetricWindowsRolledUp);
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(2, (await compaction.CompactOnceAsync(Ct)).MetricWindowsRolledUp);

        using var admin = server.AdminClient(server.InitialAdminToken);
        var series = (await admin.GetFromJsonAsync(
            TelemetryApiRoutes.Metrics(device.Id) + $"?name=inference_fps&from={Iso(start.AddHours(-1))}&to={Iso(start.AddHours(1))}",
            OutpostJsonContext.Default.MetricSeriesView, Ct))!;
        Assert.All(series.Points, p => Assert.Equal(300, p.ResolutionSeconds));
        Assert.Equal(2, series.Points.Sum(p => p.Count));
        var reader = server.Services.GetRequiredService<IWorkloadMetricsReader>();
        Assert.Equal(15, (await reader.MeanByDeviceAsync("inference_fps", [device.Id], start.AddHours(-1), start.AddHours(1), Ct))[device.Id], 9);
    }

    internal static async Task<string> CreateTokenAsync(OutpostTestServer server, AdminRole role)
    {
        using var admin = server.AdminClient(server.InitialAdminToken);
        var response = await admin.PostAsJsonAsync(
            AdminApiRoutes.AdminTokens, new CreateAdminTokenRequest { Name = $"t-{role}", Role = role }, OutpostJsonContext.Default.CreateAdminTokenRequest, Ct);
        Assert.True(response.IsSuccessStatusCode);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct))!.Token;
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
