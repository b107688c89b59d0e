using System.Net;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Tests.Harness;
using Outpost.Server.Tests.Telemetry;

namespace Outpost.Server.Tests.Observability;

public sealed class PrometheusEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_FleetDeviceAndSelfSeries_PassPromtool()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await TelemetryIngestTests.EnrollAsync(server, "north");
        Assert.True((await device.CheckInAsync(TestDevice.SampleCheckIn() with { CurrentRelease = "app@1.0.0" })).IsSuccessStatusCode);
        await (await device.Client.PostAsync(TelemetryUploads.Metrics(
            TelemetryUploads.At, ("system_cpu_usage_ratio", 0.25, null), ("system_disk_used_ratio", 0.5, "/data")))).AckAsync();
        await (await device.Client.PostAsync(TelemetryUploads.Events(1, 2) with { Drops = new StreamDrops { Records = 7, Bytes = 70 } })).AckAsync();
        await device.Client.PostAsync(TelemetryUploads.Events(2));
        await device.Client.PostRawAsync(TelemetryUploads.Utf8("not json"));
        using var viewer = server.AdminClient(await TelemetryAdminApiTests.CreateTokenAsync(server, AdminRole.Viewer));

        var response = await viewer.GetAsync(TelemetryApiRoutes.PrometheusMetrics, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var lines = body.Split('\n');
        var d = $"device=\"{device.Id}\",site=\"north\"";
        Assert.Contains("outpost_devices{status=\"online\"} 1", lines);
        Assert.Contains("outpost_site_devices{site=\"north\",status=\"online\"} 1", lines);
        Assert.Contains("outpost_release_devices{release=\"app@1.0.0\"} 1", lines);
        Assert.Contains($"outpost_device_cpu_usage_ratio{{{d}}} 0.25", lines);
        Assert.Contains($"outpost_device_disk_used_ratio{{{d},mount=\"/data\"}} 0.5", lines);
        Assert.Contains($"outpost_device_online{{{d}}} 1", lines);
        Assert.Contains($"outpost_device_telemetry_dropped_records_total{{{d},stream=\"events\"}} 7", lines);
        Assert.Contains("outpost_checkins_total 1", lines);
        Assert.Contains("outpost_telemetry_records_total{stream=\"events\"} 2", lines);
        Assert.Contains("outpost_telemetry_duplicate_records_total{stream=\"events\"} 1", lines);
        Assert.Contains("outpost_telemetry_ingest_errors_total{reason=\"bad_request\"} 1", lines);

        var (exit, output) = await PrometheusTools.RunAsync(PrometheusTools.Require("promtool"), "check metrics", body);
        Assert.True(exit == 0, $"promtool check metrics: {output}\n{body}");
    }

    [Fact]
    public async Task Metrics_TokenRequiredByDefault_AnonymousWhenConfigured()
    {
        await using (var server = await OutpostTestServer.StartAsync())
        {
            using var anonymous = server.AdminClient(null);
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(TelemetryApiRoutes.PrometheusMetrics, Ct)).StatusCode);
        }

        await using var open = await OutpostTestServer.StartAsync(settings: new Dictionary<string, string?> { ["Outpost:Prometheus:AllowAnonymous"] = "true" });
        using var client = open.AdminClient(null);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(TelemetryApiRoutes.PrometheusMetrics, Ct)).StatusCode);
        using var device = open.DeviceClient(null);
        Assert.Equal(HttpStatusCode.NotFound, (await device.GetAsync(TelemetryApiRoutes.PrometheusMetrics, Ct)).StatusCode);
    }

    [Fact]
    public async Task Metrics_MoreDevicesThanTheCap_PerDeviceSeriesBoundedAndOmittedCounted()
    {
        await using var server = await OutpostTestServer.StartAsync(settings: new Dictionary<string, string?> { ["Outpost:Prometheus:MaxDevices"] = "2" });
        var devices = new List<TestDevice>();
        for (var i = 0; i < 3; i++)
        {
            devices.Add(await TelemetryIngestTests.EnrollAsync(server));
        }

        using var admin = server.AdminClient(server.InitialAdminToken);
        var body = await admin.GetStringAsync(TelemetryApiRoutes.PrometheusMetrics, Ct);
        // Revoking one frees a slot: the series follow the fleet, no stale device stays.
        Assert.True((await admin.PostAsync(AdminApiRoutes.RevokeDevice(devices[0].Id), null, Ct)).IsSuccessStatusCode);
        var after = await admin.GetStringAsync(TelemetryApiRoutes.PrometheusMetrics, Ct);

        static string[] Online(string text) => [.. text.Split('\n').Where(l => l.StartsWith("outpost_device_online{", StringComparison.Ordinal))];
        Assert.Equal(2, Online(body).Length);
        Assert.Contains("outpost_prometheus_omitted_devices 1", body.Split('\n'));
        Assert.Equal(2, Online(after).Length);
        Assert.DoesNotContain(Online(after), l => l.Contains(devices[0].Id, StringComparison.Ordinal));
        Assert.Contains("outpost_prometheus_omitted_devices 0", after.Split('\n'));
        devices.ForEach(d => d.Dispose());
    }
}
