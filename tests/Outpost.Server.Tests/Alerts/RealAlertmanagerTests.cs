using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outpost.Server.Alerts;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Alerts;

/// <summary>Delivery to a real Alertmanager (Debian's prometheus-alertmanager), API v2.</summary>
public sealed class RealAlertmanagerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DeviceOffline_ReachesAlertmanagerWithLabelsAndRunbook_ThenResolves()
    {
        await using var alertmanager = await RealAlertmanager.StartAsync();
        await using var recorder = await FakeAlertReceiver.StartAsync();
        // The server's clock starts ten minutes in the past so that, after advancing past the offline threshold,
        // startsAt and the resolve time (endsAt) are both real past moments for Alertmanager.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds()));
        await using var server = await OutpostTestServer.StartAsync(time: time, settings: new Dictionary<string, string?>
        {
            ["Outpost:Alerts:Alertmanager:Urls:0"] = alertmanager.Url,
            ["Outpost:Alerts:Alertmanager:Urls:1"] = recorder.Url,
            ["Outpost:Alerts:Alertmanager:ResendInterval"] = "00:10:00",
            // The test drives evaluation itself; the background loop must not tick when the fake clock jumps.
            ["Outpost:Alerts:EvaluationInterval"] = "1.00:00:00",
        });
        var token = await server.CreateEnrollmentTokenAsync();
        using var device = await TestDevice.EnrollAsync(server, token.Token);
        Assert.True((await device.CheckInAsync()).IsSuccessStatusCode);
        var evaluator = server.Services.GetRequiredService<AlertEvaluator>();

        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Single((await evaluator.EvaluateAsync(Ct)).Fired);

        var held = await PollAsync(alertmanager, alerts => alerts.FirstOrDefault(a => Label(a!, "device") == device.Id));
        Assert.Equal("OutpostDeviceOffline", Label(held, "alertname"));
        Assert.Equal("device-offline", Label(held, "rule"));
        Assert.Equal("critical", Label(held, "severity"));
        Assert.Equal("plant-1", Label(held, "site"));
        Assert.Equal($"{server.AdminApi.ToString().TrimEnd('/')}/v1/runbooks/device-offline.md", (string?)held["annotations"]?["runbook_url"]);
        Assert.Contains("is offline", (string?)held["annotations"]?["summary"], StringComparison.Ordinal);
        Assert.Equal("active", (string?)held["status"]?["state"]);
        Assert.Contains("/v1/alerts?device=" + device.Id, (string?)held["generatorURL"], StringComparison.Ordinal);

        Assert.True((await device.CheckInAsync()).IsSuccessStatusCode);
        time.Advance(TimeSpan.FromSeconds(15));
        var resolvedAt = time.GetUtcNow();
        Assert.Single((await evaluator.EvaluateAsync(Ct)).ResolvedIds);

        // The resolve carries endsAt = the resolve time; Alertmanager then no longer lists the alert as active.
        await recorder.WaitForPostAsync(body => body.Any(a => Label(a!, "device") == device.Id && Ends(a!) == resolvedAt));
        await PollAsync(alertmanager, alerts => alerts.Any(a => Label(a!, "device") == device.Id) ? null : new JsonObject());
    }

    private static async Task<JsonNode> PollAsync(RealAlertmanager alertmanager, Func<JsonArray, JsonNode?> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonArray last = [];
        while (DateTime.UtcNow < deadline)
        {
            last = await alertmanager.ActiveAlertsAsync();
            if (match(last) is { } found)
            {
                return found;
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException($"Alertmanager did not reach the expected state within 30 s; it holds {last.ToJsonString()}\n{alertmanager.Log}");
    }

    private static string? Label(JsonNode alert, string name) => (string?)alert["labels"]?[name];

    private static DateTimeOffset Ends(JsonNode alert) => DateTimeOffset.Parse((string)alert["endsAt"]!, CultureInfo.InvariantCulture);
}
