using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outpost.Protocol.Alerts;
using Outpost.Server.Alerts;
using Outpost.Server.Hosting;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Alerts;

/// <summary>The Alertmanager API v2 body and the retry behaviour, against fake receivers.</summary>
public sealed class AlertmanagerClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly CollectingLoggerProvider logs = new();
    private readonly AlertsOptions options = new() { ExternalUrl = "http://outpost.example:8080/" };

    [Fact]
    public async Task Send_PostsAlertmanagerV2Body_ToEveryUrl()
    {
        await using var first = await FakeAlertReceiver.StartAsync();
        await using var second = await FakeAlertReceiver.StartAsync();
        options.Alertmanager.Urls = [first.Url, second.Url + "/"];
        options.Alertmanager.ResendInterval = TimeSpan.FromMinutes(1);
        var links = new AlertLinks(Options.Create(options), new BoundListeners());
        var firing = Alert("alr-1", resolvedAt: null);
        var resolved = Alert("alr-2", resolvedAt: Now.AddMinutes(-1)) with { Description = null, DeviceId = null };

        Assert.True(await Client().SendAsync(AlertmanagerPayload.Build([firing, resolved], Now, options.Alertmanager.ResendInterval, links), TestContext.Current.CancellationToken));

        foreach (var receiver in new[] { first, second })
        {
            var (path, contentType, body) = Assert.Single(receiver.Posts);
            Assert.Equal("/api/v2/alerts", path);
            Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
            Assert.Equal(2, body.Count);
            var a = body[0]!.AsObject();
            Assert.Equal(["labels", "annotations", "startsAt", "endsAt", "generatorURL"], a.Select(p => p.Key));
            Assert.Equal("OutpostDeviceOffline", (string)a["labels"]!["alertname"]!);
            Assert.Equal("dev-1", (string)a["labels"]!["device"]!);
            Assert.Equal("Device dev-1 is offline", (string)a["annotations"]!["summary"]!);
            Assert.Equal("No check-in for 6m.", (string)a["annotations"]!["description"]!);
            Assert.Equal("https://runbooks.example/device-offline.md", (string)a["annotations"]!["runbook_url"]!);
            Assert.Equal(Now.AddMinutes(-6), DateTimeOffset.Parse((string)a["startsAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            // Firing: endsAt four resend intervals ahead, so Alertmanager resolves it by itself if resends stop.
            Assert.Equal(Now.AddMinutes(4), DateTimeOffset.Parse((string)a["endsAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("http://outpost.example:8080/v1/alerts?device=dev-1", (string)a["generatorURL"]!);
            var b = body[1]!.AsObject();
            Assert.Equal(Now.AddMinutes(-1), DateTimeOffset.Parse((string)b["endsAt"]!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(b["annotations"]!.AsObject().ContainsKey("description"));
            Assert.Equal("http://outpost.example:8080/v1/alerts", (string)b["generatorURL"]!);
        }
    }

    [Fact]
    public async Task Send_ReceiverFailsTwice_RetriesWithBackoffAndDelivers_LoggingWarningsOnly()
    {
        await using var receiver = await FakeAlertReceiver.StartAsync();
        receiver.Failures.Enqueue(503);
        receiver.Failures.Enqueue(500);
        options.Alertmanager.Urls = [receiver.Url];
        options.Alertmanager.InitialBackoff = TimeSpan.FromMilliseconds(10);

        Assert.True(await Client().SendAsync(Payload(), TestContext.Current.CancellationToken));

        Assert.Equal(3, receiver.Attempts);
        Assert.Single(receiver.Posts);
        var retries = logs.Entries.Where(e => e.EventId.Name == "AlertDeliveryRetry").ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, e => Assert.Equal(LogLevel.Warning, e.Level));
        Assert.Contains("HTTP 503", retries[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task Send_UnreachableUrl_GivesUpAfterMaxAttempts_OtherUrlStillDelivered()
    {
        await using var receiver = await FakeAlertReceiver.StartAsync();
        options.Alertmanager.Urls = [$"http://127.0.0.1:{ClosedPort()}", receiver.Url];
        options.Alertmanager.InitialBackoff = TimeSpan.FromMilliseconds(10);
        options.Alertmanager.MaxAttempts = 3;

        Assert.False(await Client().SendAsync(Payload(), TestContext.Current.CancellationToken));

        Assert.Single(receiver.Posts);
        Assert.Equal(3, logs.Entries.Count(e => e.EventId.Name == "AlertDeliveryRetry"));
        Assert.Single(logs.Entries, e => e.EventId.Name == "AlertDeliveryFailed" && e.Level == LogLevel.Warning);
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private AlertmanagerClient Client() =>
        new(new SimpleHttpClientFactory(), Options.Create(options), TimeProvider.System, new LoggerFactory([logs]).CreateLogger<AlertmanagerClient>());

    private IReadOnlyList<PostableAlert> Payload() =>
        AlertmanagerPayload.Build([Alert("alr-1", null)], Now, TimeSpan.FromMinutes(1), new AlertLinks(Options.Create(options), new BoundListeners()));

    private static AlertRecord Alert(string id, DateTimeOffset? resolvedAt) => new()
    {
        Id = id,
        Fingerprint = "device-offline:device=dev-1,site=plant-1",
        Rule = "device-offline",
        DeviceId = "dev-1",
        Severity = "critical",
        Labels = new Dictionary<string, string> { ["alertname"] = "OutpostDeviceOffline", ["device"] = "dev-1", ["site"] = "plant-1" },
        State = resolvedAt is null ? AlertState.Firing : AlertState.Resolved,
        StartedAt = Now.AddMinutes(-6),
        ResolvedAt = resolvedAt,
        LastEvaluatedAt = Now,
        Summary = "Device dev-1 is offline",
        Description = "No check-in for 6m.",
        RunbookUrl = "https://runbooks.example/device-offline.md",
    };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SimpleHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }
}
