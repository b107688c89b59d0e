using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Rollouts;
using Outpost.Server.Tests.Harness;
using Outpost.Server.Tests.Repository;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>
/// A real server (engine off, stepped by the test on fake time) with releases app@1.0.0 and app@2.0.0, enrolled devices
/// checking in on the real device API, rollouts created through <c>POST /v1/rollouts</c> as RolloutApiTests does, and
/// dashboard logins (cookie-keeping clients that do not follow redirects) for an operator and a viewer.
/// </summary>
internal sealed partial class RolloutDashboardHarness : IAsyncDisposable
{
    public const string OperatorName = "ops-alice";
    public const string ViewerName = "viewer-bob";

    private readonly List<HttpClient> clients = [];

    private RolloutDashboardHarness(RepositoryHarness repo, List<TestDevice> devices) => (Repo, Devices) = (repo, devices);

    public RepositoryHarness Repo { get; }

    public List<TestDevice> Devices { get; }

    public RolloutEngine Engine => Repo.Server.Services.GetRequiredService<RolloutEngine>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RolloutDashboardHarness> StartAsync(int devices = 3)
    {
        var repo = await RepositoryHarness.StartAsync(new Dictionary<string, string?> { ["Outpost:Rollouts:EngineEnabled"] = "false" });
        using var published = await repo.PublishAsync(1, new Dictionary<string, byte[]>
        {
            ["releases/app/1.0.0/app.bin"] = [1], ["releases/app/2.0.0/app.bin"] = [2],
        });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var token = (await repo.Server.CreateEnrollmentTokenAsync(maxUses: devices, tags: ["line-a"])).Token;
        var enrolled = new List<TestDevice>();
        var harness = new RolloutDashboardHarness(repo, enrolled);
        for (var i = 0; i < devices; i++)
        {
            var device = await TestDevice.EnrollAsync(repo.Server, token, $"edge-{i}");
            enrolled.Add(device);
            await harness.CheckInAsync(device, "app@1.0.0", null);
        }

        return harness;
    }

    /// <summary>A check-in; returns the desired release the server answers.</summary>
    public async Task<string?> CheckInAsync(TestDevice device, string current, UpdateReport? update)
    {
        using var response = await device.CheckInAsync(TestDevice.SampleCheckIn() with { CurrentRelease = current, Update = update });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CheckInResponse, Ct))!.Desired.ReleaseId;
    }

    /// <summary>
    /// Every device checks in; those told to run app@2.0.0 install it and report it committed, or with
    /// <paramref name="crashLoop"/> roll it back on a crash loop and stay on app@1.0.0.
    /// </summary>
    public async Task FleetChecksInAsync(bool crashLoop = false)
    {
        var at = Repo.Time.GetUtcNow();
        foreach (var device in Devices)
        {
            if (await CheckInAsync(device, "app@1.0.0", null) != "app@2.0.0")
            {
                continue;
            }

            await (crashLoop
                ? CheckInAsync(device, "app@1.0.0", new UpdateReport
                {
                    Release = "app@2.0.0", State = UpdateState.RolledBack, Cause = UpdateFailureCause.CrashLoop, Detail = "crash loop", At = at,
                })
                : CheckInAsync(device, "app@2.0.0", new UpdateReport { Release = "app@2.0.0", State = UpdateState.Committed, At = at }));
        }
    }

    public async Task<RolloutView> CreateRolloutAsync(string json)
    {
        using var response = await Repo.Admin.PostAsync(RolloutApiRoutes.Rollouts, new StringContent(json, Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.RolloutView, Ct))!;
    }

    public async Task<RolloutView> GetRolloutAsync(string id) =>
        (await Repo.Admin.GetFromJsonAsync(RolloutApiRoutes.Rollout(id), OutpostJsonContext.Default.RolloutView, Ct))!;

    public async Task<IReadOnlyList<RolloutDecisionView>> DecisionsAsync(string id) =>
        (await Repo.Admin.GetFromJsonAsync(RolloutApiRoutes.Decisions(id), OutpostJsonContext.Default.RolloutDecisionList, Ct))!.Items;

    /// <summary>Creates an admin token with <paramref name="role"/> and logs a dashboard client in with it.</summary>
    public async Task<(HttpClient Client, string TokenId)> LoginAsync(string name, AdminRole role)
    {
        using var created = await Repo.Admin.PostAsJsonAsync(
            AdminApiRoutes.AdminTokens, new CreateAdminTokenRequest { Name = name, Role = role }, OutpostJsonContext.Default.CreateAdminTokenRequest, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = (await created.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct))!;
        var client = Anonymous();
        using var login = await client.PostAsync(
            "/dashboard/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token.Token, ["next"] = "/dashboard" }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (client, token.Info.Id);
    }

    /// <summary>A cookie-keeping client without a session.</summary>
    public HttpClient Anonymous()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = Repo.Server.AdminApi,
        };
        clients.Add(client);
        return client;
    }

    /// <summary>GETs a page, asserting its status; returns the HTML.</summary>
    public static async Task<string> PageAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {expected}, got {response.StatusCode}: {html}");
        return html;
    }

    /// <summary>The session's CSRF token, as every dashboard page carries it in its forms.</summary>
    public static async Task<string> CsrfAsync(HttpClient client) => CsrfPattern().Match(await PageAsync(client, "/dashboard")).Groups[1].Value;

    /// <summary>Posts an operator action form as the browser would (fields <c>_csrf</c> and <c>action</c>).</summary>
    public static async Task<HttpResponseMessage> ActAsync(
        HttpClient client, string id, string action, string? csrf, string? origin = null)
    {
        var fields = new Dictionary<string, string> { ["action"] = action };
        if (csrf is not null)
        {
            fields["_csrf"] = csrf;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/dashboard/rollouts/{Uri.EscapeDataString(id)}/{action}")
        {
            Content = new FormUrlEncodedContent(fields),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        clients.ForEach(c => c.Dispose());
        Devices.ForEach(d => d.Dispose());
        await Repo.DisposeAsync();
    }

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();
}
