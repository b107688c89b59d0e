using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;

namespace Outpost.Cli.Tests.Telemetry;

/// <summary><c>outpost devices metrics|events</c> and <c>outpost fleet</c> against a stub of the telemetry admin routes.</summary>
public sealed class TelemetryCommandsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = StubData.Now;
    private readonly CliHarness cli = new();
    private readonly ConcurrentQueue<string> requests = new();
    private WebApplication? app;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        app = builder.Build();
        app.Use((context, next) =>
        {
            requests.Enqueue(context.Request.Path + context.Request.QueryString);
            return next(context);
        });
        var j = OutpostJsonContext.Default;
        app.MapGet("/v1/devices/dev-1/metrics", (HttpContext c) => Results.Json(
            c.Request.Query["name"].Count == 0
                ? new MetricSeriesView { DeviceId = "dev-1", Points = [Point("system_cpu_usage_ratio", 0.25, null, 0), Point("system_disk_used_ratio", 0.9, "/data", 0)] }
                : new MetricSeriesView { DeviceId = "dev-1", Name = "inference_fps", Points = [Point("inference_fps", 29.5, null, 300)] },
            j.MetricSeriesView));
        app.MapGet("/v1/devices/dev-1/events", () => Results.Json(
            new TelemetryEntryList
            {
                DeviceId = "dev-1", Stream = TelemetryChannel.Events,
                Items = [new TelemetryEntryView { Sequence = 7, At = Now.AddMinutes(-3), ReceivedAt = Now, Name = "update.committed", Level = "info", Message = "app@1.2.0" }],
            },
            j.TelemetryEntryList));
        app.MapGet("/v1/devices/dev-1/telemetry", () => Results.Json(
            new TelemetryStreamList
            {
                DeviceId = "dev-1",
                Items = [new TelemetryStreamView { Stream = TelemetryChannel.Events, StoredThrough = 7, Drops = new StreamDrops { Records = 2, Bytes = 2048 }, RecordsStored = 5, Duplicates = 1, UpdatedAt = Now }],
            },
            j.TelemetryStreamList));
        app.MapGet("/v1/devices/nope/events", () => Results.Problem(detail: "No device with id 'nope'.", statusCode: 404, title: "Not Found"));
        app.MapGet(TelemetryApiRoutes.FleetSummary, () => Results.Json(
            new FleetSummary
            {
                Devices = new FleetGroupCount { Total = 3, Online = 1, Offline = 1, Revoked = 1 },
                BySite = [new FleetGroupCount { Key = "berlin", Total = 3, Online = 1, Offline = 1, Revoked = 1 }],
                ByRelease = [new FleetGroupCount { Key = null, Total = 2, Online = 0, Offline = 1, Revoked = 1 }, new FleetGroupCount { Key = "app@1.2.0", Total = 1, Online = 1, Offline = 0, Revoked = 0 }],
            },
            j.FleetSummary));
        await app.StartAsync();
        cli.WriteConfig(app.Urls.Single(), "viewer-secret");
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        cli.Dispose();
    }

    [Fact]
    public async Task Metrics_NoName_PrintsLatestTable()
    {
        var result = await cli.RunAsync("devices", "metrics", "dev-1");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("METRIC", result.StdoutLines[0], StringComparison.Ordinal);
        Assert.Contains("system_disk_used_ratio", result.StdoutLines[2], StringComparison.Ordinal);
        Assert.Contains("mount=/data", result.StdoutLines[2], StringComparison.Ordinal);
        Assert.Contains("0.9", result.StdoutLines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_NameAndSince_AsksForThatRangeAndPrintsResolution()
    {
        var result = await cli.RunAsync("devices", "metrics", "dev-1", "--name", "inference_fps", "--since", "2h");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "/v1/devices/dev-1/metrics?name=inference_fps&from=2026-11-28T23%3A00%3A00.0000000%2B00%3A00&to=2026-11-29T01%3A00%3A00.0000000%2B00%3A00",
            requests.Last());
        Assert.Contains("29.5", result.StdoutLines[1], StringComparison.Ordinal);
        Assert.Contains("5m", result.StdoutLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_BadSince_OneErrorLineNoRequest()
    {
        var result = await cli.RunAsync("devices", "metrics", "dev-1", "--name", "x", "--since", "soon");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--since", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(requests);
    }

    [Fact]
    public async Task Events_PrintsTableAndStreamState_JsonPrintsTheRecords()
    {
        var table = await cli.RunAsync("devices", "events", "dev-1");
        var json = await cli.RunAsync("devices", "events", "dev-1", "--json");

        Assert.Equal(0, table.ExitCode);
        Assert.Contains("update.committed", table.StdoutLines[1], StringComparison.Ordinal);
        Assert.Contains("3m ago", table.StdoutLines[1], StringComparison.Ordinal);
        Assert.Equal("Stream events: stored through 7, 5 stored, 1 duplicates ignored; the device dropped 2 records (2.0 KiB).", table.StdoutLines[^1]);
        Assert.Equal(7, JsonSerializer.Deserialize(json.Stdout, OutpostJsonContext.Default.TelemetryEntryList)!.Items[0].Sequence);
    }

    [Fact]
    public async Task Events_UnknownDevice_OneErrorLine()
    {
        var result = await cli.RunAsync("devices", "events", "nope");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("No device with id 'nope'", result.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fleet_PrintsTotalsBySiteAndByRelease()
    {
        var result = await cli.RunAsync("fleet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("3 devices: 1 online, 1 offline, 1 revoked", result.StdoutLines[0]);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("berlin", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("(none reported)", StringComparison.Ordinal));
        Assert.Contains(result.StdoutLines, l => l.StartsWith("app@1.2.0", StringComparison.Ordinal));
    }

    private static MetricPoint Point(string name, double value, string? mount, int resolution) => new()
    {
        Name = name, At = Now.AddMinutes(-1), Attributes = mount is null ? null : new Dictionary<string, string> { ["mount"] = mount },
        ResolutionSeconds = resolution, Count = 6, Min = value, Max = value, Mean = value,
    };
}
