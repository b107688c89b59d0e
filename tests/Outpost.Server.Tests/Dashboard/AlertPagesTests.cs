using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Alerts;
using Outpost.Server.Alerts;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>The alerts page through the real server, alerts written through the real store (the evaluator is idle on fake time).</summary>
public sealed class AlertPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AlertsPage_DefaultsToFiring_FiltersByStateRuleAndDevice_AndLinksRunbooksThatResolve()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        await using var server = await OutpostTestServer.StartAsync(time: time);
        var (offline, disk, resolved) = await SeedAsync(server, time);
        using var viewer = await PageSession.LoginAsync(server, await PageSession.CreateTokenAsync(server, AdminRole.Viewer));

        var (status, html, _) = await viewer.GetAsync("/dashboard/alerts");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"alerts-table\"", html, StringComparison.Ordinal);
        Assert.Equal([disk.Id, offline.Id], AlertIds(html)); // newest first
        var row = Row(html, offline.Id);
        Assert.Contains("href=\"/dashboard/devices/dev-a\"", row, StringComparison.Ordinal);
        Assert.Contains("Device dev-a is offline", row, StringComparison.Ordinal);
        Assert.Contains("No check-in for 5m.", row, StringComparison.Ordinal);
        Assert.Contains("critical", row, StringComparison.Ordinal);
        Assert.Contains("1 h 0 min so far", row, StringComparison.Ordinal);
        Assert.Contains("id=\"alerts-live\" data-live", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"firing\" selected", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"device-offline\">", html, StringComparison.Ordinal); // rule suggestions come from the runbooks
        Assert.DoesNotContain("<option value=\"README\">", html, StringComparison.Ordinal);

        // Each row links its runbook, and the server serves it.
        var runbook = System.Text.RegularExpressions.Regex.Match(row, "<a data-testid=\"runbook\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.Equal(server.Services.GetRequiredService<AlertLinks>().Runbook("device-offline"), runbook);
        using var anonymous = new HttpClient();
        using var markdown = await anonymous.GetAsync(new Uri(runbook), Ct);
        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);

        var (_, resolvedHtml, _) = await viewer.GetAsync("/dashboard/alerts?state=resolved");
        Assert.Equal([resolved.Id], AlertIds(resolvedHtml));
        Assert.Contains("10 min", Row(resolvedHtml, resolved.Id), StringComparison.Ordinal); // resolved 10 min after it started

        var (_, allHtml, _) = await viewer.GetAsync("/dashboard/alerts?state=all");
        Assert.Equal([disk.Id, offline.Id, resolved.Id], AlertIds(allHtml));
        Assert.Contains("data-testid=\"alerts-total\">3<", allHtml, StringComparison.Ordinal);

        Assert.Equal([disk.Id], AlertIds((await viewer.GetAsync("/dashboard/alerts?state=all&rule=disk-full")).Html));
        Assert.Equal([offline.Id, resolved.Id], AlertIds((await viewer.GetAsync("/dashboard/alerts?state=all&device=dev-a")).Html));
        Assert.Equal([offline.Id], AlertIds((await viewer.GetAsync("/dashboard/alerts?state=all&device=dev-a&limit=1")).Html));
        var (_, none, _) = await viewer.GetAsync("/dashboard/alerts?rule=no-such-rule");
        Assert.Empty(AlertIds(none));
        Assert.Contains("Nothing is firing.", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFilters_Are400Pages_HostileText_IsEncoded_NoSession_Redirects()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        await using var server = await OutpostTestServer.StartAsync(time: time);
        await SeedAsync(server, time);
        using var viewer = await PageSession.LoginAsync(server, await PageSession.CreateTokenAsync(server, AdminRole.Viewer));

        var (status, html, _) = await viewer.GetAsync("/dashboard/alerts?state=exploded");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The state filter must be firing, resolved or all.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync("/dashboard/alerts?limit=0")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync("/dashboard/alerts?limit=99999999999")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync("/dashboard/alerts?rule=" + new string('r', 500))).Status);

        var (hostileStatus, hostile, _) = await viewer.GetAsync("/dashboard/alerts?state=all&rule=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.Equal(HttpStatusCode.OK, hostileStatus);
        Assert.DoesNotContain("<script>alert", hostile, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", hostile, StringComparison.Ordinal);

        // A description written by a rule from device data is text, never markup.
        var (_, all, _) = await viewer.GetAsync("/dashboard/alerts?state=all");
        Assert.DoesNotContain("<img src=x", all, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", all, StringComparison.Ordinal);

        using var anonymous = PageSession.Anonymous(server);
        var (redirect, _, location) = await anonymous.GetAsync("/dashboard/alerts?state=all");
        Assert.Equal(HttpStatusCode.Redirect, redirect);
        Assert.Equal("/dashboard/login?next=%2Fdashboard%2Falerts%3Fstate%3Dall", location!.OriginalString);
    }

    /// <summary>Two firing alerts (device-offline on dev-a an hour ago, disk-full on dev-b later) and a resolved one on dev-a.</summary>
    private static async Task<(AlertRecord Offline, AlertRecord Disk, AlertRecord Resolved)> SeedAsync(OutpostTestServer server, FakeTimeProvider time)
    {
        var store = server.Services.GetRequiredService<IAlertStore>();
        var links = server.Services.GetRequiredService<AlertLinks>();
        var now = time.GetUtcNow();
        var resolved = Alert(links, "device-offline", "dev-a", now.AddHours(-3), "fp-old") with { Description = "<img src=x onerror=alert(1)>" };
        var offline = Alert(links, "device-offline", "dev-a", now.AddHours(-1), "fp-a");
        var disk = Alert(links, "disk-full", "dev-b", now.AddMinutes(-30), "fp-b") with { Severity = "warning" };
        await store.ApplyAsync(new AlertChanges(now.AddHours(-3), [resolved], [], []), Ct);
        await store.ApplyAsync(new AlertChanges(now.AddHours(-3).AddMinutes(10), [], [], [resolved.Id]), Ct);
        await store.ApplyAsync(new AlertChanges(now.AddHours(-1), [offline], [], []), Ct);
        await store.ApplyAsync(new AlertChanges(now.AddMinutes(-30), [disk], [], []), Ct);
        return (offline, disk, resolved);
    }

    private static AlertRecord Alert(AlertLinks links, string rule, string device, DateTimeOffset at, string fingerprint) => new()
    {
        Id = $"alr-{Guid.NewGuid():N}",
        Fingerprint = fingerprint,
        Rule = rule,
        DeviceId = device,
        Severity = "critical",
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["rule"] = rule, ["device"] = device },
        State = AlertState.Firing,
        StartedAt = at,
        LastEvaluatedAt = at,
        Summary = $"Device {device} is {(rule == "disk-full" ? "out of disk" : "offline")}",
        Description = "No check-in for 5m.",
        RunbookUrl = links.Runbook(rule),
    };

    private static List<string> AlertIds(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(html, "<tr data-alert-id=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    private static string Row(string html, string id)
    {
        var start = html.IndexOf($"<tr data-alert-id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {id}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
