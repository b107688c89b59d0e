using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Rollouts;
using Outpost.Server.Tests.Harness;
using Outpost.Server.Tests.Repository;

namespace Outpost.Server.Tests.Rollouts;

/// <summary>The rollout admin API on the real server (engine ticked by the test on fake time), devices on the real check-in endpoint.</summary>
public sealed class RolloutApiTests
{
    private const string Spec = """{"release":"app@2.0.0","target":{"tags":["line-a"]},"phases":[{"count":1},{"percent":100}],"bakeTime":"0"}""";

    private static string ForDevice(string id) => "{\"release\":\"app@2.0.0\",\"target\":{\"devices\":[\"" + id + "\"]}}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(RepositoryHarness Repo, List<TestDevice> Devices)> StartAsync(int devices = 3)
    {
        var repo = await RepositoryHarness.StartAsync(new Dictionary<string, string?> { ["Outpost:Rollouts:EngineEnabled"] = "false" });
        using var published = await repo.PublishAsync(1, new Dictionary<string, byte[]>
        {
            ["releases/app/1.0.0/app.bin"] = [1], ["releases/app/2.0.0/app.bin"] = [2],
        });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var token = (await repo.Server.CreateEnrollmentTokenAsync(maxUses: devices, tags: ["line-a"])).Token;
        var enrolled = new List<TestDevice>();
        for (var i = 0; i < devices; i++)
        {
            var device = await TestDevice.EnrollAsync(repo.Server, token, $"edge-{i}");
            enrolled.Add(device);
            await CheckInAsync(device, "app@1.0.0", null);
        }

        return (repo, enrolled);
    }

    private static async Task<string?> CheckInAsync(TestDevice device, string current, UpdateReport? update)
    {
        using var response = await device.CheckInAsync(TestDevice.SampleCheckIn() with { CurrentRelease = current, Update = update });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CheckInResponse, Ct))!.Desired.ReleaseId;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string route, string json) =>
        client.PostAsync(route, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    private static async Task<RolloutView> CreateAsync(RepositoryHarness repo, string json = Spec)
    {
        using var response = await PostAsync(repo.Admin, RolloutApiRoutes.Rollouts, json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.RolloutView, Ct))!;
    }

    private static async Task<HttpClient> ViewerAsync(RepositoryHarness repo)
    {
        using var created = await repo.Admin.PostAsJsonAsync(
            AdminApiRoutes.AdminTokens, new CreateAdminTokenRequest { Name = "viewer", Role = AdminRole.Viewer }, OutpostJsonContext.Default.CreateAdminTokenRequest, Ct);
        return repo.Server.AdminClient((await created.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct))!.Token);
    }

    [Fact]
    public async Task Rollout_DevicesOnRealCheckIn_CompletesAndViewerReadsProgress()
    {
        var (repo, devices) = await StartAsync();
        await using var _ = repo;
        var created = await CreateAsync(repo);
        Assert.Equal((RolloutState.Pending, 3), (created.State, created.TargetCount));
        var engine = repo.Server.Services.GetRequiredService<RolloutEngine>();

        for (var i = 0; i < 10; i++)
        {
            await engine.TickAsync(Ct);
            foreach (var device in devices)
            {
                var desired = await CheckInAsync(device, "app@1.0.0", null);
                if (desired == "app@2.0.0")
                {
                    await CheckInAsync(device, "app@2.0.0", new UpdateReport { Release = "app@2.0.0", State = UpdateState.Committed, At = repo.Time.GetUtcNow() });
                }
            }

            repo.Time.Advance(TimeSpan.FromSeconds(5));
        }

        using var viewer = await ViewerAsync(repo);
        var view = (await viewer.GetFromJsonAsync(RolloutApiRoutes.Rollout(created.Id), OutpostJsonContext.Default.RolloutView, Ct))!;
        Assert.Equal(RolloutState.Completed, view.State);
        Assert.Equal([(1, 1), (3, 2)], view.Phases.Select(p => (p.Planned, p.Updated)));
        Assert.Equal(3, view.Devices[RolloutDeviceState.Updated]);
        Assert.Contains(view.Gates, g => g.Gate == "failureRatio" && g.Passed == true);
        Assert.Equal("completed", view.Decisions[^1].Action);
        var list = (await viewer.GetFromJsonAsync(RolloutApiRoutes.Rollouts, OutpostJsonContext.Default.RolloutList, Ct))!;
        Assert.Equal(created.Id, Assert.Single(list.Items).Id);
        var decisions = (await viewer.GetFromJsonAsync(RolloutApiRoutes.Decisions(created.Id), OutpostJsonContext.Default.RolloutDecisionList, Ct))!;
        Assert.Equal("created", decisions.Items[0].Action);
        Assert.All(devices, d => Assert.Equal("app@2.0.0", repo.Server.GetDeviceAsync(d.Id).Result.DesiredRelease));
        devices.ForEach(d => d.Dispose());
    }

    [Theory]
    [InlineData("""{"release":"app@9.9.9","target":{"tags":["line-a"]}}""", "release")]
    [InlineData("""{"release":"not a release","target":{"tags":["line-a"]}}""", "release")]
    [InlineData("""{"release":"app@2.0.0"}""", "target")]
    [InlineData("""{"release":"app@2.0.0","target":{}}""", "target")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["no-such-tag"]}}""", "target")]
    [InlineData("""{"release":"app@2.0.0","target":{"devices":["dev-nope"]}}""", "target.devices[0]")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"phases":[{"percent":150}]}""", "phases[0].percent")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"phases":[{"percent":0}]}""", "phases[0].percent")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"phases":[{"percent":50},{"percent":25}]}""", "phases[1].percent")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"phases":[{"percent":50,"count":3}]}""", "phases[0]")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"gates":{"metrics":[{"metric":"fps_typo","min":1}]}}""", "gates.metrics[0].metric")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"gates":{"metrics":[{"metric":"error_rate","maxRegressionRatio":0.2}]}}""", "gates.metrics[0].direction")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"gates":{"maxFailureRatio":1.5}}""", "gates.maxFailureRatio")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"bakeTime":"-5m"}""", "bakeTime")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"phases":[{"percent":100,"bakeTime":"-1h"}]}""", "phases[0].bakeTime")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"deviceTimeout":"0"}""", "deviceTimeout")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"onFailure":"explode"}""", "onFailure")]
    [InlineData("""{"release":"app@2.0.0","target":{"tags":["line-a"]},"maxConcurrentPerSite":0}""", "maxConcurrentPerSite")]
    public async Task Create_MalformedSpec_400NamingTheField(string json, string field)
    {
        var (repo, devices) = await StartAsync(devices: 1);
        await using var _ = repo;

        using var response = await PostAsync(repo.Admin, RolloutApiRoutes.Rollouts, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.True(problem.Errors!.ContainsKey(field), $"expected {field}, got {string.Join(", ", problem.Errors.Keys)}: {problem.Detail}");
        Assert.Empty((await repo.Admin.GetFromJsonAsync(RolloutApiRoutes.Rollouts, OutpostJsonContext.Default.RolloutList, Ct))!.Items);
        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task Create_DeviceInActiveRollout_409NamingTheOtherRollout()
    {
        var (repo, devices) = await StartAsync(devices: 2);
        await using var _ = repo;
        var first = await CreateAsync(repo, ForDevice(devices[0].Id));

        using var conflict = await PostAsync(repo.Admin, RolloutApiRoutes.Rollouts, Spec);
        using var other = await PostAsync(repo.Admin, RolloutApiRoutes.Rollouts, ForDevice(devices[1].Id));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(first.Id, (await conflict.ReadProblemAsync()).Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        using var abort = await repo.Admin.PostAsync(RolloutApiRoutes.Action(first.Id, "abort"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, abort.StatusCode);
        using var again = await PostAsync(repo.Admin, RolloutApiRoutes.Rollouts, ForDevice(devices[0].Id));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task Actions_PauseResumePromoteAbort_MoveTheStateAndAreAudited()
    {
        var (repo, devices) = await StartAsync();
        await using var _ = repo;
        var id = (await CreateAsync(repo, Spec.Replace("\"bakeTime\":\"0\"", "\"bakeTime\":\"1h\"", StringComparison.Ordinal))).Id;
        var engine = repo.Server.Services.GetRequiredService<RolloutEngine>();
        async Task<(HttpStatusCode, RolloutView?)> ActAsync(string action)
        {
            using var response = await repo.Admin.PostAsync(RolloutApiRoutes.Action(id, action), null, Ct);
            return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.RolloutView, Ct) : null);
        }

        await engine.TickAsync(Ct);
        Assert.Equal(RolloutState.Paused, (await ActAsync("pause")).Item2!.State);
        await engine.TickAsync(Ct);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync("pause")).Item1);
        Assert.Equal(RolloutState.Running, (await ActAsync("resume")).Item2!.State);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync("resume")).Item1);
        var promoted = (await ActAsync("promote")).Item2!;
        Assert.Equal((RolloutState.Promoted, 0), (promoted.State, promoted.Phase));
        await engine.TickAsync(Ct);
        var running = (await repo.Admin.GetFromJsonAsync(RolloutApiRoutes.Rollout(id), OutpostJsonContext.Default.RolloutView, Ct))!;
        Assert.Equal((RolloutState.Running, 1), (running.State, running.Phase));
        Assert.Equal(RolloutState.Aborted, (await ActAsync("abort")).Item2!.State);
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync("abort")).Item1);
        using var unknown = await repo.Admin.PostAsync(RolloutApiRoutes.Action("ro-nope", "pause"), null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var decisions = (await repo.Admin.GetFromJsonAsync(RolloutApiRoutes.Decisions(id), OutpostJsonContext.Default.RolloutDecisionList, Ct))!.Items;
        var operatorActions = decisions.Where(d => d.By is not null).Select(d => d.Action).ToList();
        Assert.Equal(["created", "paused", "resumed", "promotedByOperator", "aborted"], operatorActions);
        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task Viewer_ReadsButCannotCreateOrAct()
    {
        var (repo, devices) = await StartAsync(devices: 1);
        await using var _ = repo;
        var id = (await CreateAsync(repo)).Id;
        using var viewer = await ViewerAsync(repo);

        using var create = await PostAsync(viewer, RolloutApiRoutes.Rollouts, Spec);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        foreach (var action in OperatorActions.Names)
        {
            using var act = await viewer.PostAsync(RolloutApiRoutes.Action(id, action), null, Ct);
            Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);
        }

        using var read = await viewer.GetAsync(RolloutApiRoutes.Rollout(id), Ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var anonymous = repo.Server.AdminClient(null);
        using var refused = await anonymous.GetAsync(RolloutApiRoutes.Rollouts, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        devices.ForEach(d => d.Dispose());
    }
}
