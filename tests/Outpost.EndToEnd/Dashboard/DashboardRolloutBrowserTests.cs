using System.Runtime.Versioning;
using Microsoft.Playwright;
using Outpost.Protocol.Rollouts;
using static Microsoft.Playwright.Assertions;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// A rollout started through the admin API, watched in Chromium: its progress changes in the page's live region with
/// no reload, an operator pauses it with the page's button (and the API agrees), and a viewer sees no buttons and is
/// refused (403) when it forges the same POST with its own session and CSRF token.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class DashboardRolloutBrowserTests(DashboardRolloutFleet fleet) : IClassFixture<DashboardRolloutFleet>
{
    private const int Canaries = 4;

    [Fact]
    public async Task Rollout_ProgressUpdatesLive_OperatorPauses_ViewerHasNoButtonsAndForgedPostIs403()
    {
        Chromium.Require();
        // Devices off while the rollout starts: the page is sure to open before any device can have updated.
        await fleet.PowerOffDevicesAsync();
        var rollout = await fleet.Harness.CreateRolloutAsync(new RolloutSpec
        {
            Release = DashboardFleet.New,
            Target = new RolloutTarget { DeviceClass = "sim" },
            Phases = [new RolloutPhaseSpec { Count = Canaries }, new RolloutPhaseSpec { Percent = 100 }],
            BakeTime = "10m", // stays in phase 0 once the canaries are updated: there is time to pause
        });
        var path = $"/dashboard/rollouts/{Uri.EscapeDataString(rollout.Id)}";

        await using var operatorTab = await fleet.LoggedInAsync(fleet.OperatorToken);
        await operatorTab.VisitAsync(path, "rollout-detail-started");
        var live = operatorTab.Page.Locator("#rollout-live");
        var updated = live.Locator("[data-testid=phase-0-updated]");
        await Expect(updated).ToHaveTextAsync(DashboardPagesBrowserTests.Exactly(0));
        await Expect(live.Locator("tr[data-phase=\"0\"] progress")).ToHaveCountAsync(1);
        await Expect(live.Locator("tr[data-phase=\"1\"]")).ToHaveCountAsync(1);
        await Expect(operatorTab.Page.Locator("[data-testid=gates-table]")).ToHaveCountAsync(1);
        await Expect(operatorTab.Page.Locator("[data-testid=decisions]")).ToHaveCountAsync(1);
        await DashboardPagesBrowserTests.MarkAsync(operatorTab.Page);

        await fleet.PowerOnDevicesAsync();
        await Expect(updated).ToHaveTextAsync(DashboardPagesBrowserTests.Exactly(Canaries), new() { Timeout = 120_000 });
        await Expect(live.Locator("[data-testid=rollout-state]")).ToHaveTextAsync("baking", new() { Timeout = 120_000 });
        await DashboardPagesBrowserTests.AssertNotReloadedAsync(operatorTab.Page);
        await operatorTab.ShotAsync("rollout-detail");
        await operatorTab.AssertAccessibleAsync();

        // The operator pauses through the page's own form (CSRF token and Origin as a browser sends them).
        await Expect(operatorTab.Page.Locator("button[name=action][value=pause]")).ToHaveTextAsync("Pause");
        await operatorTab.Page.Locator("button[name=action][value=pause]").ClickAsync();
        await Expect(operatorTab.Page.Locator("#rollout-live [data-testid=rollout-state]")).ToHaveTextAsync("paused");
        await Expect(operatorTab.Page.Locator("button[name=action][value=resume]")).ToBeVisibleAsync();
        await operatorTab.ShotAsync("rollout-detail-paused");
        var paused = await fleet.Harness.WaitForStateAsync(rollout.Id, TimeSpan.FromSeconds(60), RolloutState.Paused);
        Assert.Equal(RolloutState.Paused, paused.State);
        var decisions = (await fleet.Harness.DecisionsAsync(rollout.Id)).Count;

        await using var viewerTab = await fleet.LoggedInAsync(fleet.ViewerToken);
        await viewerTab.VisitAsync(path, "rollout-detail-viewer");
        await Expect(viewerTab.Page.Locator("#rollout-live [data-testid=rollout-state]")).ToHaveTextAsync("paused");
        await Expect(viewerTab.Page.Locator("button[name=action]")).ToHaveCountAsync(0);
        await viewerTab.VisitAsync("/dashboard/rollouts", "rollouts");
        await Expect(viewerTab.Page.Locator($"[data-testid=rollouts-table] tr[data-rollout-id=\"{rollout.Id}\"]")).ToHaveCountAsync(1);
        await Expect(viewerTab.Page.Locator("button[name=action]")).ToHaveCountAsync(0);
        await viewerTab.AssertAccessibleAsync();

        // A forged write with the viewer's own cookie and CSRF token: the server refuses the role, whatever the page hid.
        var csrf = await viewerTab.CsrfAsync();
        foreach (var action in new[] { "resume", "abort" })
        {
            var form = viewerTab.Context.APIRequest.CreateFormData();
            form.Set("_csrf", csrf);
            form.Set("action", action);
            var response = await viewerTab.Context.APIRequest.PostAsync(
                new Uri(fleet.AdminApi, $"{path}/{action}").ToString(), new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
            Assert.True(response.Status == 403, $"viewer POST {path}/{action}: {response.Status} {await response.TextAsync()}");
        }

        var after = await fleet.Harness.RolloutAsync(rollout.Id);
        Assert.Equal(RolloutState.Paused, after.State);
        Assert.Equal(decisions, (await fleet.Harness.DecisionsAsync(rollout.Id)).Count);
    }
}
