using System.Net.Http.Json;
using System.Runtime.Versioning;
using Outpost.Protocol;
using Outpost.Protocol.Rollouts;
using Outpost.Sim;
using Outpost.Sim.Scenarios;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>
/// A real outpost-server process whose rollout engine ticks fast, signed releases pushed with the real CLI, and a
/// simulated fleet enrolled against it: what the issue-5 rollout scenarios share.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class RolloutHarness : IAsyncDisposable
{
    private RolloutHarness(TempFolder temp, ServerProcess server, HttpClient admin, TimeSpan interval)
    {
        Temp = temp;
        Server = server;
        Admin = admin;
        Interval = interval;
    }

    public TempFolder Temp { get; }

    public ServerProcess Server { get; }

    public HttpClient Admin { get; }

    public TimeSpan Interval { get; }

    public SimFleet? Fleet { get; private set; }

    /// <summary>Starts the server (engine tick 250 ms) and pushes the signed releases the scenario uses.</summary>
    public static async Task<RolloutHarness> StartAsync(TimeSpan interval, string[] releases, params string[] extra)
    {
        var temp = new TempFolder();
        var args = new List<string> { "--Outpost:Rollouts:TickInterval=00:00:00.250" };
        args.AddRange(extra);
        var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: interval, extra: [.. args]);
        var admin = server.AdminClient(server.InitialAdminToken!);
        var harness = new RolloutHarness(temp, server, admin, interval);
        await harness.PushReleasesAsync(releases);
        return harness;
    }

    /// <summary>Enrolls the scenario's devices (each with its own identity) and starts them.</summary>
    public async Task<SimFleet> StartFleetAsync(SimScenario scenario)
    {
        Fleet = await SimFleet.CreateAsync(new SimFleetOptions
        {
            DeviceApi = Server.DeviceApi,
            CaFingerprint = Server.CaFingerprint,
            StateDirectory = Temp.Sub("sim"),
            Scenario = scenario,
            CreateEnrollmentToken = (site, count, _) => Infrastructure.Fleet.CreateEnrollmentTokenAsync(Admin, site.Name, count),
            CheckInInterval = Interval,
            EnrollConcurrency = 4,
        }, cancellationToken: TestContext.Current.CancellationToken);
        Fleet.Start();
        return Fleet;
    }

    public async Task<RolloutView> CreateRolloutAsync(RolloutSpec spec)
    {
        using var response = await Admin.PostAsJsonAsync(RolloutApiRoutes.Rollouts, spec, OutpostJsonContext.Default.RolloutSpec, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /v1/rollouts: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize(body, OutpostJsonContext.Default.RolloutView)!;
    }

    public async Task<RolloutView> RolloutAsync(string id) =>
        (await Admin.GetFromJsonAsync(RolloutApiRoutes.Rollout(id), OutpostJsonContext.Default.RolloutView, TestContext.Current.CancellationToken))!;

    public async Task<IReadOnlyList<RolloutDecisionView>> DecisionsAsync(string id) =>
        (await Admin.GetFromJsonAsync(RolloutApiRoutes.Decisions(id), OutpostJsonContext.Default.RolloutDecisionList, TestContext.Current.CancellationToken))!.Items;

    /// <summary>Polls the rollout once a second until it reaches one of <paramref name="states"/>.</summary>
    public async Task<RolloutView> WaitForStateAsync(string id, TimeSpan timeout, params RolloutState[] states)
    {
        var deadline = DateTime.UtcNow + timeout;
        RolloutView view;
        do
        {
            view = await RolloutAsync(id);
            if (states.Contains(view.State))
            {
                return view;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"rollout {id} still {view.State} (phase {view.Phase}) after {timeout}, waiting for {string.Join('|', states)}; "
            + string.Join("; ", (await DecisionsAsync(id)).Select(d => $"{d.Action}: {d.Reason}")));
    }

    /// <summary>Polls the device list once a second (a list of 1,000 devices is not free on a loaded machine).</summary>
    public async Task<IReadOnlyList<Protocol.Admin.DeviceView>> WaitForDevicesAsync(
        Func<IReadOnlyList<Protocol.Admin.DeviceView>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<Protocol.Admin.DeviceView> devices;
        do
        {
            devices = await Infrastructure.Fleet.DevicesAsync(Admin);
            if (condition(devices))
            {
                return devices;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException($"timed out waiting for {what}; " + string.Join(", ",
            devices.Take(50).Select(d => $"{d.Id}@{d.Site}:{d.Status}:{d.CurrentRelease}->{d.DesiredRelease}:{d.Update?.State}")));
    }

    public async ValueTask DisposeAsync()
    {
        if (Fleet is not null)
        {
            await Fleet.DisposeAsync();
        }

        Admin.Dispose();
        await Server.DisposeAsync();
        Temp.Dispose();
    }

    // The server only accepts a release that is in its signed targets: sign and push them with the real CLI.
    private async Task PushReleasesAsync(string[] releases)
    {
        var cli = new Cli(Temp.Sub("cli.json"));
        var repo = Temp.Sub("repo");
        var artifact = Temp.Sub("app.bin");
        await File.WriteAllTextAsync(artifact, "simulated", TestContext.Current.CancellationToken);
        List<string[]> commands =
        [
            ["login", "--server", Server.AdminApi.ToString(), "--token", Server.InitialAdminToken!],
            ["keys", "init", "--dir", repo],
        ];
        foreach (var release in releases)
        {
            var name = release.Split('@')[0];
            var version = release.Split('@')[1];
            commands.Add(["release", "create", "--dir", repo, "--name", name, "--version", version, "--device-class", "sim", "--artifact", "app=" + artifact]);
            commands.Add(["release", "push", "--dir", repo, release]);
        }

        foreach (var args in commands)
        {
            var (exitCode, output) = await cli.RunAsync(args);
            Assert.True(exitCode == 0, $"outpost {string.Join(' ', args)}: {output}");
        }
    }
}
