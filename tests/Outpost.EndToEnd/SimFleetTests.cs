using System.Net.Http.Json;
using System.Runtime.Versioning;
using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;
using Outpost.Sim;
using Outpost.Sim.Scenarios;

namespace Outpost.EndToEnd;

/// <summary>
/// Issue 5, item 6: the fleet simulator against a real outpost-server process. Every virtual device enrolls for real
/// and checks in over its own mTLS connection; the server sees what the scenario says and logs no error.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SimFleetTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Sim_FiftyDevicesInFiveSites_AllEnrollAndCheckIn_SecondRunEnrollsNothing()
    {
        using var temp = new TempFolder();
        await using var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: Interval);
        using var admin = server.AdminClient(server.InitialAdminToken!);
        var options = Options(server, admin, temp.Sub("sim"), SimScenario.Uniform(50, 5));

        await using (var fleet = await SimFleet.CreateAsync(options, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(50, fleet.Enrolled);
            fleet.Start();
            var devices = await Fleet.WaitForAsync(admin, d => d.Count == 50 && d.All(x => x.Status == DeviceStatus.Online), Deadline, "50 simulated devices online");
            // Each virtual device is its own enrolled device, in the site its token named.
            var bySim = fleet.Devices.ToDictionary(d => d.Id);
            Assert.All(devices, d => Assert.Equal(bySim[d.Id].Site, d.Site));
            Assert.Equal(5, devices.Select(d => d.Site).Distinct().Count());
            Assert.All(devices, d => Assert.Equal("sim", d.DeviceClass));
            await fleet.StopAsync();
            var summary = fleet.Summary();
            Assert.True(summary.CheckIns >= 50 && summary.Errors == 0, $"{summary.CheckIns} check-ins, {summary.Errors} errors");
        }

        await using (var again = await SimFleet.CreateAsync(options, cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.Equal(0, again.Enrolled);
            Assert.Equal(50, again.Count);
        }

        Assert.Equal(50, (await Fleet.DevicesAsync(admin)).Count);
        server.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Sim_PartitionedSite_StopsCheckingIn_ThenComesBack()
    {
        using var temp = new TempFolder();
        // No grace: the server marks a device offline after two silent intervals (4 s), well inside the window.
        await using var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: Interval, extra: "--Outpost:Devices:OfflineGrace=00:00:00");
        using var admin = server.AdminClient(server.InitialAdminToken!);
        var scenario = SimScenario.Uniform(20, 2);
        scenario.Offline.Add(new SimOfflineWindow { Sites = ["site-02"], At = TimeSpan.FromSeconds(10), For = TimeSpan.FromSeconds(25) });
        await using var fleet = await SimFleet.CreateAsync(
            Options(server, admin, temp.Sub("sim"), scenario), cancellationToken: TestContext.Current.CancellationToken);
        fleet.Start();

        await Fleet.WaitForAsync(admin, d => d.Count == 20 && d.All(x => x.Status == DeviceStatus.Online), Deadline, "all online");
        var partitioned = await Fleet.WaitForAsync(admin,
            d => d.Where(x => x.Site == "site-02").All(x => x.Status == DeviceStatus.Offline), Deadline, "site-02 offline");
        Assert.True(fleet.Elapsed < TimeSpan.FromSeconds(35), $"site-02 went offline only after the window ({fleet.Elapsed})");
        Assert.All(partitioned.Where(x => x.Site == "site-01"), x => Assert.Equal(DeviceStatus.Online, x.Status));
        Assert.All(fleet.Devices.Where(d => d.Site == "site-02"), d => Assert.True(d.Offline));

        await Fleet.WaitForAsync(admin, d => d.All(x => x.Status == DeviceStatus.Online), Deadline, "site-02 back online");
        Assert.True(fleet.Elapsed >= TimeSpan.FromSeconds(35), "site-02 came back inside its window");
        await fleet.StopAsync();
        Assert.Equal(0, fleet.Summary().Errors);
        server.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Sim_CrashOnRelease_ServerSeesRolledBackCrashLoop_HealthyDevicesCommit()
    {
        using var temp = new TempFolder();
        await using var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: Interval);
        var adminToken = server.InitialAdminToken!;
        using var admin = server.AdminClient(adminToken);
        await PushReleaseAsync(server, adminToken, temp, "cam@2.0.0");
        var scenario = SimScenario.Uniform(10, 2);
        scenario.InitialRelease = "cam@1.0.0";
        scenario.Behaviours.Add(new SimBehaviour { CrashOn = "cam@2.0.0", Fraction = 0.5 });
        await using var fleet = await SimFleet.CreateAsync(
            Options(server, admin, temp.Sub("sim"), scenario), cancellationToken: TestContext.Current.CancellationToken);
        fleet.Start();
        var devices = await Fleet.WaitForAsync(admin, d => d.Count == 10 && d.All(x => x.CurrentRelease == "cam@1.0.0"), Deadline, "fleet on cam@1.0.0");

        foreach (var device in devices)
        {
            var response = await admin.PutAsJsonAsync(AdminApiRoutes.DesiredRelease(device.Id), new SetDesiredReleaseRequest { Release = "cam@2.0.0" },
                OutpostJsonContext.Default.SetDesiredReleaseRequest, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var done = await Fleet.WaitForAsync(admin,
            d => d.All(x => x.Update is { Release: "cam@2.0.0", State: UpdateState.Committed or UpdateState.RolledBack }), Deadline, "every update finished");
        var rolledBack = done.Where(d => d.Update!.State == UpdateState.RolledBack).ToList();
        Assert.Equal(5, rolledBack.Count);
        Assert.All(rolledBack, d =>
        {
            Assert.Equal(UpdateFailureCause.CrashLoop, d.Update!.Cause);
            Assert.Equal("cam@1.0.0", d.CurrentRelease);
        });
        Assert.All(done.Except(rolledBack), d =>
        {
            Assert.Equal("cam@2.0.0", d.CurrentRelease);
            Assert.Equal("cam@1.0.0", d.PreviousRelease);
        });
        await fleet.StopAsync();
        server.AssertNoErrorsLogged();
    }

    private static SimFleetOptions Options(ServerProcess server, HttpClient admin, string state, SimScenario scenario) => new()
    {
        DeviceApi = server.DeviceApi,
        CaFingerprint = server.CaFingerprint,
        StateDirectory = state,
        Scenario = scenario,
        CreateEnrollmentToken = (site, count, _) => Fleet.CreateEnrollmentTokenAsync(admin, site.Name, count),
        CheckInInterval = Interval,
    };

    // The server only accepts a desired release that is in its signed targets: sign and push one with the real CLI.
    private static async Task PushReleaseAsync(ServerProcess server, string adminToken, TempFolder temp, string release)
    {
        var cli = new Cli(temp.Sub("cli.json"));
        var repo = temp.Sub("repo");
        var artifact = temp.Sub("app.bin");
        await File.WriteAllTextAsync(artifact, "simulated", TestContext.Current.CancellationToken);
        var (name, version) = (release.Split('@')[0], release.Split('@')[1]);
        foreach (var args in new[]
        {
            new[] { "login", "--server", server.AdminApi.ToString(), "--token", adminToken },
            ["keys", "init", "--dir", repo],
            ["release", "create", "--dir", repo, "--name", name, "--version", version, "--device-class", "sim", "--artifact", "app=" + artifact],
            ["release", "push", "--dir", repo, release],
        })
        {
            var (exitCode, output) = await cli.RunAsync(args);
            Assert.True(exitCode == 0, $"outpost {string.Join(' ', args)}: {output}");
        }
    }
}
