using System.Net.Http.Json;
using System.Runtime.Versioning;
using Microsoft.Playwright;
using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Sim.Scenarios;

namespace Outpost.EndToEnd.Dashboard;

/// <summary>
/// Class fixture of the browser tests: a real outpost-server process with two signed releases (through
/// <see cref="RolloutHarness"/>), a simulated fleet enrolled for real (own identities, check-ins, telemetry), an
/// operator and a viewer admin token, and one Chromium. Without Chromium nothing starts (the tests then skip, or
/// fail under CI=true).
/// </summary>
[SupportedOSPlatform("linux")]
public abstract class DashboardFleet : IAsyncLifetime
{
    public const string Old = "cam@1.0.0";
    public const string New = "cam@2.0.0";

    internal RolloutHarness Harness { get; private set; } = null!;

    internal BrowserSession Browser { get; private set; } = null!;

    public string OperatorToken { get; private set; } = "";

    public string ViewerToken { get; private set; } = "";

    public Uri AdminApi => Harness.Server.AdminApi;

    public abstract int Devices { get; }

    protected abstract string Name { get; }

    protected virtual string[] ServerArguments => [];

    public async ValueTask InitializeAsync()
    {
        Browser = new BrowserSession(Name);
        if (!Chromium.Available)
        {
            return;
        }

        Harness = await RolloutHarness.StartAsync(TimeSpan.FromSeconds(2), [Old, New], ServerArguments);
        OperatorToken = await CreateTokenAsync("ops-ana", AdminRole.Operator);
        ViewerToken = await CreateTokenAsync("viewer-vic", AdminRole.Viewer);
        await Harness.StartFleetAsync(Scenario());
        await Harness.WaitForDevicesAsync(d => d.Count == Devices && d.All(x => x.CurrentRelease == Old), TimeSpan.FromMinutes(3), $"{Devices} devices on {Old}");
    }

    /// <summary>Skips (or fails under CI) when Chromium is missing; otherwise a fresh tab, logged in with <paramref name="token"/>.</summary>
    internal async Task<DashboardTab> LoggedInAsync(string token, int width = 1280)
    {
        Chromium.Require();
        var tab = await Browser.OpenAsync(AdminApi, width);
        var response = await tab.LoginAsync(token);
        Assert.True(response.Status == 302, $"login answered {response.Status}");
        await Assertions.Expect(tab.Page.Locator("[data-testid=who]")).ToBeVisibleAsync();
        return tab;
    }

    internal async Task<DashboardTab> OpenAsync()
    {
        Chromium.Require();
        return await Browser.OpenAsync(AdminApi);
    }

    /// <summary>Powers the simulated fleet off (no check-ins, so nothing can progress) until <see cref="PowerOnDevicesAsync"/>.</summary>
    internal Task PowerOffDevicesAsync() => Harness.Fleet!.StopAsync();

    /// <summary>The same devices (same identities and state folder) boot again and check in at once.</summary>
    internal async Task PowerOnDevicesAsync()
    {
        await Harness.Fleet!.DisposeAsync();
        await Harness.StartFleetAsync(Scenario());
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        if (Harness is not null)
        {
            // Errors logged by the server fail the class, even when every assertion passed.
            var server = Harness.Server;
            await Harness.DisposeAsync();
            server.AssertNoErrorsLogged();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract SimScenario Scenario();

    /// <summary>Quick simulated updates: a rollout's progress shows within seconds.</summary>
    protected static SimScenario Healthy(int devices, int sites)
    {
        var scenario = SimScenario.Uniform(devices, sites);
        scenario.InitialRelease = Old;
        scenario.MetricsInterval = TimeSpan.FromSeconds(2);
        scenario.Metrics["inference_fps"] = 30;
        // The simulator has no system sampler; these stand in for the agent's system metrics (same names, see
        // src/Outpost.Agent/Telemetry/Metrics) so the device page's charts have lines to draw.
        scenario.Metrics["system_cpu_usage_ratio"] = 0.23;
        scenario.Metrics["system_memory_used_bytes"] = 1.2e9;
        scenario.Metrics["system_swap_used_bytes"] = 0;
        scenario.Metrics["system_disk_used_ratio"] = 0.41;
        scenario.Metrics["system_temperature_celsius"] = 48;
        scenario.Metrics["system_network_receive_bytes_per_second"] = 12_000;
        scenario.Metrics["system_network_transmit_bytes_per_second"] = 3_000;
        scenario.Install = new SimInstallTimes
        {
            Download = TimeSpan.FromSeconds(1),
            Verify = TimeSpan.FromMilliseconds(200),
            Installing = TimeSpan.FromMilliseconds(200),
            HealthCheck = TimeSpan.FromSeconds(1),
        };
        return scenario;
    }

    private async Task<string> CreateTokenAsync(string name, AdminRole role)
    {
        using var response = await Harness.Admin.PostAsJsonAsync(AdminApiRoutes.AdminTokens,
            new CreateAdminTokenRequest { Name = name, Role = role }, OutpostJsonContext.Default.CreateAdminTokenRequest,
            TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST {AdminApiRoutes.AdminTokens}: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize(body, OutpostJsonContext.Default.CreatedAdminToken)!.Token;
    }
}
