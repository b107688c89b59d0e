using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol.Admin;

namespace Outpost.EndToEnd;

/// <summary>
/// The foundation loop with real processes: a server, agents enrolled with their own keys and certificates over
/// mutual TLS, and the operator's CLI.
/// </summary>
public sealed class FleetLifecycleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Fleet_ThreeAgentsEnrollAndCheckIn_CliListsThemOnline()
    {
        using var temp = new TempFolder();
        await using var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: Interval);
        Assert.NotNull(server.InitialAdminToken);
        var cli = new Cli(temp.Sub("cli.json"));

        var login = await cli.RunAsync("login", "--server", server.AdminApi.ToString(), "--token", server.InitialAdminToken!);
        Assert.True(login.ExitCode == 0, login.Output);
        var created = await cli.RunAsync("tokens", "create", "--site", "berlin", "--uses", "3", "--json");
        Assert.True(created.ExitCode == 0, created.Output);
        var token = System.Text.RegularExpressions.Regex.Match(created.Output, "\"token\"\\s*:\\s*\"([^\"]+)\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), created.Output);

        var agents = new List<ChildProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var enroll = await AgentProcess.EnrollAsync(server, token, temp.Sub($"agent-{i}"));
                Assert.True(enroll.ExitCode == 0, enroll.Output);
                agents.Add(AgentProcess.Run(temp.Sub($"agent-{i}")));
            }

            // A fourth enrollment exceeds the token's uses.
            var fourth = await AgentProcess.EnrollAsync(server, token, temp.Sub("agent-3"));
            Assert.NotEqual(0, fourth.ExitCode);

            using var admin = server.AdminClient(server.InitialAdminToken!);
            var devices = await Fleet.WaitForAsync(admin,
                d => d.Count == 3 && d.All(x => x.Status == DeviceStatus.Online),
                TimeSpan.FromSeconds(60), "three online devices");
            Assert.All(devices, d => Assert.Equal("berlin", d.Site));
            Assert.Equal(3, devices.Select(d => d.Id).Distinct().Count());

            var ls = await cli.RunAsync("devices", "ls");
            Assert.True(ls.ExitCode == 0, ls.Output);
            Assert.All(devices, d => Assert.Contains(d.Id, ls.Output, StringComparison.Ordinal));

            var show = await cli.RunAsync("devices", "show", devices[0].Id, "--json");
            Assert.True(show.ExitCode == 0, show.Output);
            Assert.Contains("\"e2e\"", show.Output, StringComparison.Ordinal); // device class reported by the agent

            foreach (var agent in agents)
            {
                Assert.Equal(0, await agent.StopAsync(TimeSpan.FromSeconds(15)));
            }
        }
        finally
        {
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }
        }

        server.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Fleet_ServerDown_AgentsKeepRunningAndReturnWithinOneInterval()
    {
        using var temp = new TempFolder();
        int devicePort = ServerProcess.FreePort(), adminPort = ServerProcess.FreePort();
        var server = await ServerProcess.StartAsync(temp.Sub("server"), devicePort, adminPort, Interval);
        var adminToken = server.InitialAdminToken!;
        ChildProcess agent;
        try
        {
            agent = await EnrollAndRunAsync(server, adminToken, temp.Sub("agent"));
            using var admin = server.AdminClient(adminToken);
            await Fleet.WaitForAsync(admin, d => d.Count == 1 && d[0].Status == DeviceStatus.Online, TimeSpan.FromSeconds(60), "agent online");
            server.AssertNoErrorsLogged();
            Assert.Equal(0, await server.StopAsync());
        }
        finally
        {
            await server.DisposeAsync();
        }

        await using var agentProcess = agent;

        // Several intervals of outage: the agent retries with backoff and does not give up.
        await Task.Delay(Interval * 4, TestContext.Current.CancellationToken);
        Assert.False(agent.HasExited, agent.Output);

        await using var restarted = await ServerProcess.StartAsync(temp.Sub("server"), devicePort, adminPort, Interval);
        Assert.Null(restarted.InitialAdminToken); // the data folder is reused: no second bootstrap token
        var back = DateTimeOffset.UtcNow;
        using var admin2 = restarted.AdminClient(adminToken);
        var devices = await Fleet.WaitForAsync(admin2, d => d.Count == 1 && d[0].LastSeenAt > back,
            TimeSpan.FromSeconds(60), "check-in after the server returned");

        // Backoff is capped at the check-in interval, so the first check-in after the return comes within one
        // interval plus connection set-up. The margin is generous because a loaded CI box can take seconds to start
        // a process and finish a TLS handshake; the exact schedule is asserted with fake time in the agent's tests.
        Assert.True(devices[0].LastSeenAt - back <= (Interval * 2) + TimeSpan.FromSeconds(8),
            $"first check-in {devices[0].LastSeenAt - back} after the server returned");
        restarted.AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Fleet_RevokedDevice_IsRefusedOnItsNextCheckIn()
    {
        using var temp = new TempFolder();
        await using var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: Interval);
        var adminToken = server.InitialAdminToken!;
        await using var agent = await EnrollAndRunAsync(server, adminToken, temp.Sub("agent"));
        using var admin = server.AdminClient(adminToken);
        var device = (await Fleet.WaitForAsync(admin, d => d.Count == 1 && d[0].Status == DeviceStatus.Online, TimeSpan.FromSeconds(60), "agent online"))[0];

        var cli = new Cli(temp.Sub("cli.json"));
        Assert.Equal(0, (await cli.RunAsync("login", "--server", server.AdminApi.ToString(), "--token", adminToken)).ExitCode);
        var revoke = await cli.RunAsync("devices", "revoke", device.Id);
        Assert.True(revoke.ExitCode == 0, revoke.Output);

        var revokedAt = (await Fleet.DevicesAsync(admin))[0];
        Assert.Equal(DeviceStatus.Revoked, revokedAt.Status);

        // The agent keeps trying; every attempt is refused, so last-seen never moves again.
        await server.Process.WaitForLineAsync(l => l.Contains(device.Id, StringComparison.Ordinal) && l.Contains("revoked", StringComparison.OrdinalIgnoreCase)
            || l.Contains("revoked", StringComparison.OrdinalIgnoreCase) && l.StartsWith("warn", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var after = (await Fleet.DevicesAsync(admin))[0];
        Assert.Equal(revokedAt.LastSeenAt, after.LastSeenAt);
        server.AssertNoErrorsLogged();
    }

    private static async Task<ChildProcess> EnrollAndRunAsync(ServerProcess server, string adminToken, string dataDirectory)
    {
        using var admin = server.AdminClient(adminToken);
        var token = await Fleet.CreateEnrollmentTokenAsync(admin, "hamburg", 1);
        var enroll = await AgentProcess.EnrollAsync(server, token, dataDirectory);
        Assert.True(enroll.ExitCode == 0, enroll.Output);
        return AgentProcess.Run(dataDirectory);
    }
}
