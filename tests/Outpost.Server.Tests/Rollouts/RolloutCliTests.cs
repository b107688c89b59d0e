using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outpost.Cli;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Rollouts;
using Outpost.Server.Tests.Harness;
using Outpost.Server.Tests.Repository;

namespace Outpost.Server.Tests.Rollouts;

/// <summary><c>outpost rollout …</c> run in-process (the real command tree) against the real server.</summary>
public sealed class RolloutCliTests : IDisposable
{
    private const string SpecYaml = """
        # canary one device, then everyone
        release: app@2.0.0
        target:
          tags: [line-a]
        phases:
          - count: 1
            bakeTime: 0
          - percent: 100
        bakeTime: 0
        gates:
          maxFailureRatio: 0.1
          minSample: 1
        onFailure: rollback
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("outpost-rollout-cli-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int Exit, string Out, string Err)> RunAsync(RepositoryHarness repo, string token, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var environment = new Dictionary<string, string?>
        {
            ["OUTPOST_SERVER"] = repo.Server.AdminApi.ToString().TrimEnd('/'), ["OUTPOST_TOKEN"] = token,
            ["OUTPOST_CONFIG"] = Path.Combine(folder, "config.json"), ["HOME"] = folder,
        };
        var exit = await Outpost.Cli.Program.RunAsync(args, new CliContext
        {
            Output = stdout, Error = stderr, GetEnvironmentVariable = environment.GetValueOrDefault, Time = repo.Time,
        });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(RepositoryHarness, List<TestDevice>)> StartAsync()
    {
        var repo = await RepositoryHarness.StartAsync(new Dictionary<string, string?> { ["Outpost:Rollouts:EngineEnabled"] = "false" });
        using var published = await repo.PublishAsync(1, new Dictionary<string, byte[]> { ["releases/app/1.0.0/a.bin"] = [1], ["releases/app/2.0.0/a.bin"] = [2] });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var token = (await repo.Server.CreateEnrollmentTokenAsync(maxUses: 2, tags: ["line-a"])).Token;
        List<TestDevice> devices = [await TestDevice.EnrollAsync(repo.Server, token, "edge-0"), await TestDevice.EnrollAsync(repo.Server, token, "edge-1")];
        return (repo, devices);
    }

    [Fact]
    public async Task RolloutCommands_CreateFromYamlThenLsStatusAndActions()
    {
        var (repo, devices) = await StartAsync();
        await using var _ = repo;
        var token = repo.Token;

        var created = await RunAsync(repo, token, "rollout", "create", "-f", Write("spec.yaml", SpecYaml), "--json");
        Assert.True(created.Exit == 0, created.Err);
        var id = JsonSerializer.Deserialize(created.Out, OutpostJsonContext.Default.RolloutView)!.Id;

        var engine = repo.Server.Services.GetRequiredService<RolloutEngine>();
        await engine.TickAsync(Ct);
        foreach (var device in devices)
        {
            using var response = await device.CheckInAsync(TestDevice.SampleCheckIn() with
            {
                CurrentRelease = "app@2.0.0", Update = new UpdateReport { Release = "app@2.0.0", State = UpdateState.Committed, At = repo.Time.GetUtcNow() },
            });
        }

        await engine.TickAsync(Ct);

        var list = await RunAsync(repo, token, "rollout", "ls");
        Assert.Equal(0, list.Exit);
        Assert.Contains(id, list.Out, StringComparison.Ordinal);
        Assert.Contains("app@2.0.0", list.Out, StringComparison.Ordinal);

        var status = await RunAsync(repo, token, "rollout", "status", id);
        Assert.True(status.Exit == 0, status.Err);
        Assert.Contains($"Rollout {id}  app@2.0.0", status.Out, StringComparison.Ordinal);
        Assert.Contains("[########################]  1/1", status.Out, StringComparison.Ordinal);
        Assert.Contains("failureRatio", status.Out, StringComparison.Ordinal);
        Assert.Contains("Last decisions", status.Out, StringComparison.Ordinal);

        var paused = await RunAsync(repo, token, "rollout", "pause", id);
        Assert.True(paused.Exit == 0, paused.Err);
        Assert.StartsWith($"Rollout {id} is now paused", paused.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(repo, token, "rollout", "resume", id)).Exit);
        Assert.Equal(0, (await RunAsync(repo, token, "rollout", "promote", id)).Exit);
        Assert.Equal(0, (await RunAsync(repo, token, "rollout", "abort", id)).Exit);

        var again = await RunAsync(repo, token, "rollout", "abort", id);
        Assert.NotEqual(0, again.Exit);
        Assert.Contains("cannot abort", again.Err, StringComparison.Ordinal);

        // --watch returns on its own once the rollout is in a terminal state.
        var watched = await RunAsync(repo, token, "rollout", "status", id, "--watch");
        Assert.True(watched.Exit == 0, watched.Err);
        Assert.Contains("aborted", watched.Out, StringComparison.Ordinal);
        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task RolloutCreate_BadFileOrSpec_OneLineOnStderrNamingTheField()
    {
        var (repo, devices) = await StartAsync();
        await using var _ = repo;

        var yaml = await RunAsync(repo, repo.Token, "rollout", "create", "-f", Write("broken.yaml", "release: [unclosed"));
        var type = await RunAsync(repo, repo.Token, "rollout", "create", "-f", Write("type.yaml", SpecYaml.Replace("minSample: 1", "minSample: many", StringComparison.Ordinal)));
        var metric = await RunAsync(repo, repo.Token, "rollout", "create", "-f",
            Write("metric.json", """{"release":"app@2.0.0","target":{"tags":["line-a"]},"gates":{"metrics":[{"metric":"fps","min":25}]}}"""));

        Assert.Equal(ExitCodes.Usage, yaml.Exit);
        Assert.Equal(ExitCodes.Usage, type.Exit);
        Assert.Contains("gates.minSample has an invalid value or type (line 12)", type.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, metric.Exit);
        Assert.Contains("gates.metrics[0].metric", metric.Err, StringComparison.Ordinal);
        foreach (var result in new[] { yaml, type, metric })
        {
            Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        devices.ForEach(d => d.Dispose());
    }

    [Fact]
    public async Task RolloutActions_ViewerToken_RefusedWithExitCode3()
    {
        var (repo, devices) = await StartAsync();
        await using var _ = repo;
        using var created = await repo.Admin.PostAsJsonAsync(
            AdminApiRoutes.AdminTokens, new CreateAdminTokenRequest { Name = "viewer", Role = AdminRole.Viewer }, OutpostJsonContext.Default.CreateAdminTokenRequest, Ct);
        var viewer = (await created.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedAdminToken, Ct))!.Token;
        Assert.Equal(0, (await RunAsync(repo, repo.Token, "rollout", "create", "-f", Write("spec.yaml", SpecYaml))).Exit);
        var id = (await repo.Admin.GetFromJsonAsync(RolloutApiRoutes.Rollouts, OutpostJsonContext.Default.RolloutList, Ct))!.Items[0].Id;

        Assert.Equal(ExitCodes.AuthRefused, (await RunAsync(repo, viewer, "rollout", "pause", id)).Exit);
        Assert.Equal(ExitCodes.AuthRefused, (await RunAsync(repo, viewer, "rollout", "create", "-f", Write("spec2.yaml", SpecYaml))).Exit);
        Assert.Equal(0, (await RunAsync(repo, viewer, "rollout", "status", id)).Exit);
        devices.ForEach(d => d.Dispose());
    }
}
