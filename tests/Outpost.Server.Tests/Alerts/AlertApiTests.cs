using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Alerts;
using Outpost.Server.Alerts;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Alerts;

/// <summary>The alert API and delivery through the real server (fake clock, evaluator called directly).</summary>
public sealed class AlertApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OfflineDevice_FiresVisibleInApi_CheckInResolves_AndEachTransitionIsDelivered()
    {
        await using var receiver = await FakeAlertReceiver.StartAsync();
        // Whole milliseconds: the store keeps unix milliseconds.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        await using var server = await OutpostTestServer.StartAsync(time: time, settings: new Dictionary<string, string?>
        {
            ["Outpost:Alerts:Alertmanager:Urls:0"] = receiver.Url,
        });
        var token = await server.CreateEnrollmentTokenAsync();
        using var device = await TestDevice.EnrollAsync(server, token.Token);
        Assert.True((await device.CheckInAsync()).IsSuccessStatusCode);
        var evaluator = server.Services.GetRequiredService<AlertEvaluator>();

        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var firedAt = time.GetUtcNow();
        await evaluator.EvaluateAsync(Ct);

        using var viewer = server.AdminClient(await CreateViewerTokenAsync(server));
        var firing = Assert.Single((await viewer.GetFromJsonAsync(AlertApiRoutes.Alerts, OutpostJsonContext.Default.AlertList, Ct))!.Items);
        Assert.Equal("device-offline", firing.Rule);
        Assert.Equal(AlertState.Firing, firing.State);
        Assert.Equal(device.Id, firing.DeviceId);
        Assert.Equal(firedAt, firing.StartedAt);
        Assert.Equal($"{server.AdminApi.ToString().TrimEnd('/')}/v1/runbooks/device-offline.md", firing.RunbookUrl);

        var posted = await receiver.WaitForPostAsync(body => body.Count == 1);
        var alert = posted[0]!;
        Assert.Equal("OutpostDeviceOffline", (string)alert["labels"]!["alertname"]!);
        Assert.Equal(device.Id, (string)alert["labels"]!["device"]!);
        Assert.Equal(firing.RunbookUrl, (string)alert["annotations"]!["runbook_url"]!);
        Assert.Equal(firing.Summary, (string)alert["annotations"]!["summary"]!);
        Assert.True(DateTimeOffset.Parse((string)alert["endsAt"]!, System.Globalization.CultureInfo.InvariantCulture) > firedAt);

        Assert.True((await device.CheckInAsync()).IsSuccessStatusCode);
        time.Advance(TimeSpan.FromSeconds(15));
        await evaluator.EvaluateAsync(Ct);

        Assert.Empty((await viewer.GetFromJsonAsync(AlertApiRoutes.Alerts, OutpostJsonContext.Default.AlertList, Ct))!.Items);
        var resolved = Assert.Single((await viewer.GetFromJsonAsync(
            $"{AlertApiRoutes.Alerts}?state=resolved&device={device.Id}", OutpostJsonContext.Default.AlertList, Ct))!.Items);
        Assert.Equal(firing.Id, resolved.Id);
        Assert.Equal(time.GetUtcNow(), resolved.ResolvedAt);
        var resolvedPost = await receiver.WaitForPostAsync(body => body.Count == 1 && Ends(body[0]!) <= time.GetUtcNow());
        Assert.Equal(time.GetUtcNow(), Ends(resolvedPost[0]!));
        Assert.Single((await viewer.GetFromJsonAsync($"{AlertApiRoutes.Alerts}?state=all", OutpostJsonContext.Default.AlertList, Ct))!.Items);
        Assert.Empty((await viewer.GetFromJsonAsync($"{AlertApiRoutes.Alerts}?state=all&device=dev-other", OutpostJsonContext.Default.AlertList, Ct))!.Items);
    }

    [Fact]
    public async Task BackgroundEvaluation_RunsEveryInterval_OnTheServerClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        await using var server = await OutpostTestServer.StartAsync(time: time);
        var token = await server.CreateEnrollmentTokenAsync();
        using var device = await TestDevice.EnrollAsync(server, token.Token);
        using var admin = server.AdminClient(server.InitialAdminToken);

        // No evaluator call: only the interval timer (15 s on the fake clock) can make this alert.
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(15));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        AlertList list;
        do
        {
            await Task.Delay(20, Ct);
            list = (await admin.GetFromJsonAsync(AlertApiRoutes.Alerts, OutpostJsonContext.Default.AlertList, Ct))!;
        }
        while (list.Items.Count == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(device.Id, Assert.Single(list.Items).DeviceId);
    }

    [Theory]
    [InlineData("?state=open", "state")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=abc", "limit")]
    public async Task List_BadQuery_Is400NamingTheField(string query, string field)
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var admin = server.AdminClient(server.InitialAdminToken);

        var response = await admin.GetAsync(AlertApiRoutes.Alerts + query, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadProblemAsync()).Errors!.Keys);
    }

    [Fact]
    public async Task List_WithoutToken_Is401()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var anonymous = server.AdminClient(null);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(AlertApiRoutes.Alerts, Ct)).StatusCode);
    }

    [Fact]
    public async Task Runbooks_AreServedForEveryRule_UnknownIs404()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var anonymous = server.AdminClient(null);
        var rules = server.Services.GetServices<IAlertRule>().Select(r => r.Name).ToList();
        Assert.Equal(9, rules.Count);

        foreach (var rule in rules)
        {
            var response = await anonymous.GetAsync(AlertApiRoutes.Runbook(rule), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("outpost ", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(AlertApiRoutes.Runbook("no-such-rule"), Ct)).StatusCode);
    }

    [Theory]
    [InlineData("Outpost:Alerts:Rules:DiskFull:UsedRatio", "1.5", "Outpost:Alerts:Rules:DiskFull:UsedRatio")]
    [InlineData("Outpost:Alerts:Alertmanager:Urls:0", "ftp://am", "Outpost:Alerts:Alertmanager:Urls:0")]
    [InlineData("Outpost:Alerts:EvaluationInterval", "00:00:00", "Outpost:Alerts:EvaluationInterval")]
    [InlineData("Outpost:Alerts:Rules:DeviceOffline:For", "-00:01:00", "Outpost:Alerts:Rules:DeviceOffline:For")]
    public async Task InvalidSettings_StopTheStart_NamingTheKey(string key, string value, string named)
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => OutpostTestServer.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset Ends(JsonNode alert) =>
        DateTimeOffset.Parse((string)alert["endsAt"]!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> CreateViewerTokenAsync(OutpostTestServer server)
    {
        using var admin = server.AdminClient(server.InitialAdminToken);
        var response = await admin.PostAsJsonAsync(
            AdminApiRoutes.AdminTokens, new CreateAdminTokenRequest { Name = "viewer", Role = AdminRole.Viewer },
            OutpostJsonContext.Default.CreateAdminTokenRequest, Ct);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct))!.Token;
    }
}
