using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// Issue 7 in a real browser: Chromium logs in through the form against a real outpost-server whose devices are
/// simulated (each enrolled for real, checking in over mTLS). Every page visited is screenshotted and scanned by axe
/// (serious or critical violations fail). Selectors are those of /work/wt/DASHBOARD-CONTRACT.md.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DashboardPagesBrowserTests(DashboardPagesFleet fleet) : IClassFixture<DashboardPagesFleet>
{
    [Fact]
    public async Task Login_WrongTokenShowsError_RightTokenShowsOverviewCounts_LiveWithoutReload()
    {
        await using var tab = await fleet.OpenAsync();
        var refused = await tab.LoginAsync("opa_not-a-real-token");
        Assert.Equal(401, refused.Status);
        await Expect(tab.Page.Locator(".error[role=alert]")).ToContainTextAsync("cannot log in");
        await tab.ShotAsync("login-refused");
        await tab.AssertAccessibleAsync();

        await tab.Page.Locator("#token").FillAsync(fleet.OperatorToken);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(tab.Page).ToHaveURLAsync(UrlEnds("/dashboard"));
        await Expect(tab.Page.Locator("[data-testid=who]")).ToContainTextAsync("ops-ana");
        await Expect(tab.Page.Locator("[data-testid=count-total]")).ToHaveTextAsync(Count(fleet.Devices, "devices"));
        await Expect(tab.Page.Locator("[data-testid=count-revoked]")).ToHaveTextAsync(Count(0, "revoked"));
        await Expect(tab.Page.Locator("[data-testid=count-alerts]")).ToHaveTextAsync(CountAny("firing alerts"));

        // site-03 is cut off 20 s into the run: the counts follow in the live region, with no navigation in between.
        await MarkAsync(tab.Page);
        await Expect(tab.Page.Locator("[data-testid=count-offline]")).ToHaveTextAsync(Count(4, "offline"));
        await Expect(tab.Page.Locator("[data-testid=count-online]")).ToHaveTextAsync(Count(fleet.Devices - 4, "online"));
        await AssertNotReloadedAsync(tab.Page);
        await tab.ShotAsync("overview");
        await tab.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Keyboard_TabReachesTokenAndLogInButton_EnterLogsIn_TabReachesEveryNavLink()
    {
        await using var tab = await fleet.OpenAsync();
        await tab.VisitAsync("/dashboard/login", "login");
        await tab.Page.Locator("body").FocusAsync();
        Assert.Contains("#token", await TabUntilAsync(tab.Page, "#token"));
        await tab.Page.Keyboard.TypeAsync(fleet.ViewerToken);
        Assert.Contains("button:Log in", await TabUntilAsync(tab.Page, "button:Log in"));
        await tab.Page.Keyboard.PressAsync("Enter");
        await Expect(tab.Page).ToHaveURLAsync(UrlEnds("/dashboard"));

        var reached = await TabUntilAsync(tab.Page, "a:Alerts");
        foreach (var link in new[] { "a:Overview", "a:Devices", "a:Releases", "a:Rollouts", "a:Alerts" })
        {
            Assert.Contains(link, reached);
        }
    }

    [Fact]
    public async Task Viewer_SeesPagesButNoActionButtons()
    {
        await using var tab = await fleet.LoggedInAsync(fleet.ViewerToken);
        await Expect(tab.Page.Locator("[data-testid=who]")).ToContainTextAsync("viewer-vic");
        await Expect(tab.Page.Locator("[data-testid=who]")).ToContainTextAsync("viewer");
        await Expect(tab.Page.Locator("[data-testid=count-total]")).ToHaveTextAsync(Count(fleet.Devices, "devices"));
        await Expect(tab.Page.Locator("button[name=action]")).ToHaveCountAsync(0);
        await tab.ShotAsync("overview-viewer");
        await tab.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Pages_CarryServerTiming_TheBrowserSeesIt()
    {
        await using var tab = await fleet.LoggedInAsync(fleet.ViewerToken);
        var response = await tab.VisitAsync("/dashboard", "overview-timed");
        Assert.Matches(@"^app;dur=\d+(\.\d)?$", await response.HeaderValueAsync("server-timing"));
        var app = await tab.Page.EvaluateAsync<double>(
            "() => performance.getEntriesByType('navigation')[0].serverTiming.find(s => s.name === 'app').duration");
        Assert.True(app > 0, $"Server-Timing app;dur={app}");
        var login = await tab.Context.APIRequest.GetAsync(new Uri(fleet.AdminApi, "/dashboard/login").ToString());
        Assert.Matches(@"^app;dur=", login.Headers["server-timing"]);
    }

    [Fact]
    public async Task Overview_AtTabletWidth_HasNoHorizontalScroll()
    {
        await using var tab = await fleet.LoggedInAsync(fleet.ViewerToken, width: 768);
        await Expect(tab.Page.Locator("[data-testid=count-total]")).ToBeVisibleAsync();
        await tab.ShotAsync("overview-tablet");
        var overflow = await tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the overview is {overflow}px wider than a 768px tablet");
    }

    [Fact]
    public async Task Devices_ListsEverySimulatedDevice_FiltersBySiteAndSearch_OpensDetailWithCharts()
    {
        var devices = await fleet.Harness.WaitForDevicesAsync(d => d.Count == fleet.Devices, TimeSpan.FromMinutes(1), "devices");
        await using var tab = await fleet.LoggedInAsync(fleet.OperatorToken);
        await tab.VisitAsync("/dashboard/devices", "devices");
        await Expect(tab.Page.Locator("[data-testid=devices-table] tr[data-device-id]")).ToHaveCountAsync(fleet.Devices);
        await Expect(tab.Page.Locator("[data-testid=devices-total]")).ToHaveTextAsync(Exactly(fleet.Devices));
        foreach (var device in devices)
        {
            await Expect(tab.Page.Locator($"tr[data-device-id=\"{device.Id}\"]")).ToHaveCountAsync(1);
        }

        await tab.AssertAccessibleAsync();

        await tab.VisitAsync("/dashboard/devices?site=site-01", "devices-site-01");
        var site01 = devices.Where(d => d.Site == "site-01").ToList();
        await Expect(tab.Page.Locator("tr[data-device-id]")).ToHaveCountAsync(site01.Count);
        await Expect(tab.Page.Locator("[data-testid=devices-total]")).ToHaveTextAsync(Exactly(site01.Count));

        var target = site01[0];
        await tab.VisitAsync($"/dashboard/devices?q={Uri.EscapeDataString(target.Id)}", "devices-search");
        await Expect(tab.Page.Locator("tr[data-device-id]")).ToHaveCountAsync(1);

        // The first cell links to the detail page.
        await tab.Page.Locator($"tr[data-device-id=\"{target.Id}\"] td, tr[data-device-id=\"{target.Id}\"] th").First.Locator("a").First.ClickAsync();
        await Expect(tab.Page).ToHaveURLAsync(UrlEnds("/dashboard/devices/" + Uri.EscapeDataString(target.Id)));
        await Expect(tab.Page.Locator("h1")).ToContainTextAsync(target.Id);
        foreach (var metric in new[] { "cpu", "memory", "swap", "disk", "temperature", "network" })
        {
            await Expect(tab.Page.Locator($"figure.chart[data-metric={metric}] svg")).ToBeVisibleAsync();
            await Expect(tab.Page.Locator($"figure.chart[data-metric={metric}] figcaption")).Not.ToBeEmptyAsync();
            // A line drawn from the device's uploaded metrics, not the empty frame.
            await Expect(tab.Page.Locator($"figure.chart[data-metric={metric}] svg polyline.line").First).ToBeAttachedAsync();
        }

        foreach (var region in new[] { "#release-history", "#device-events", "#device-logs", "[data-testid=cert-expiry]", "#device-live" })
        {
            await Expect(tab.Page.Locator(region)).ToHaveCountAsync(1);
        }

        await Expect(tab.Page.Locator("#release-history")).ToContainTextAsync(DashboardFleet.Old);
        await tab.ShotAsync("device-detail");
        await tab.AssertAccessibleAsync();

        await tab.VisitAsync("/dashboard/devices/no-such-device", "device-unknown", expectedStatus: 404);
    }

    [Fact]
    public async Task Releases_ListBothSignedReleases_DetailShowsArtifactsKeysAndDevices()
    {
        await using var tab = await fleet.LoggedInAsync(fleet.ViewerToken);
        await tab.VisitAsync("/dashboard/releases", "releases");
        await Expect(tab.Page.Locator($"[data-testid=releases-table] tr[data-release=\"{DashboardFleet.Old}\"]")).ToHaveCountAsync(1);
        await Expect(tab.Page.Locator($"[data-testid=releases-table] tr[data-release=\"{DashboardFleet.New}\"]")).ToHaveCountAsync(1);
        await tab.AssertAccessibleAsync();

        await tab.VisitAsync("/dashboard/releases/cam/1.0.0", "release-detail");
        await Expect(tab.Page.Locator("[data-testid=artifacts-table]")).ToContainTextAsync("app");
        await Expect(tab.Page.Locator("[data-testid=signing-keys]")).ToBeVisibleAsync();
        await Expect(tab.Page.Locator("[data-testid=release-devices]")).ToBeVisibleAsync();
        await tab.AssertAccessibleAsync();
    }

    [Fact]
    public async Task Alerts_PartitionedSiteFiresDeviceOffline_ShownWithRunbook()
    {
        await using var tab = await fleet.LoggedInAsync(fleet.ViewerToken);
        await tab.VisitAsync("/dashboard/alerts", "alerts-first");
        // One device-offline alert per device of the partitioned site; the page's live region brings them in without a reload.
        var partitioned = (await fleet.Harness.WaitForDevicesAsync(d => d.Count == fleet.Devices, TimeSpan.FromMinutes(1), "devices"))
            .Where(d => d.Site == DashboardPagesFleet.PartitionedSite).Select(d => d.Id).ToList();
        var offline = tab.Page.Locator("[data-testid=alerts-table] tr[data-alert-id]").Filter(new() { HasText = "device-offline" });
        await Expect(offline).ToHaveCountAsync(partitioned.Count, new() { Timeout = 120_000 });

        foreach (var id in partitioned)
        {
            var row = offline.Filter(new() { HasText = id });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.Locator("a[data-testid=runbook]")).ToHaveAttributeAsync("href", new Regex("runbooks/device-offline"));
        }

        await tab.ShotAsync("alerts");
        await tab.AssertAccessibleAsync();

        await tab.VisitAsync("/dashboard/alerts?state=all", "alerts-all");
        await Expect(tab.Page.Locator("[data-testid=alerts-table] tr[data-alert-id]")).Not.ToHaveCountAsync(0);
    }

    internal static Regex UrlEnds(string path) => new(Regex.Escape(path) + "$");

    internal static Regex Exactly(int n) => new($"^\\s*{n}\\s*$");

    private static Regex Count(int n, string what) => new($"^\\s*{n}\\s+{Regex.Escape(what)}\\s*$");

    private static Regex CountAny(string what) => new($"^\\s*\\d+\\s+{Regex.Escape(what)}\\s*$");

    /// <summary>A mark in the page's JavaScript state: gone if the page navigated or reloaded.</summary>
    internal static Task MarkAsync(IPage page) => page.EvaluateAsync("() => { window.__outpostMark = 'same-page'; }");

    internal static async Task AssertNotReloadedAsync(IPage page) =>
        Assert.Equal("same-page", await page.EvaluateAsync<string?>("() => window.__outpostMark ?? null"));

    /// <summary>Presses Tab until the focused element matches <paramref name="wanted"/> (e.g. "a:Alerts", "#token"); returns what was focused on the way.</summary>
    private static async Task<List<string>> TabUntilAsync(IPage page, string wanted)
    {
        var seen = new List<string>();
        for (var i = 0; i < 30 && !seen.Contains(wanted); i++)
        {
            await page.Keyboard.PressAsync("Tab");
            seen.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; if (!e) return ''; if (e.id) return '#' + e.id; return e.tagName.toLowerCase() + ':' + (e.textContent || '').trim(); }"));
        }

        return seen;
    }
}
