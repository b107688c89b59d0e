using Outpost.EndToEnd.Infrastructure;

namespace Outpost.EndToEnd;

/// <summary>Alerts with real processes: an agent that stops checking in fires device-offline, visible in `outpost alerts ls`.</summary>
public sealed class AlertsTests
{
    [Fact]
    public async Task AgentStops_AlertsLsShowsDeviceOfflineWithRunbook_AgentReturns_AlertResolves()
    {
        using var temp = new TempFolder();
        await using var server = await ServerProcess.StartAsync(
            temp.Sub("server"), checkInInterval: TimeSpan.FromSeconds(1), extra:
            ["--Outpost:Alerts:EvaluationInterval=00:00:00.200", "--Outpost:Alerts:Rules:DeviceOffline:After=00:00:04"]);
        var cli = new Cli(temp.Sub("cli.json"));
        Assert.Equal(0, (await cli.RunAsync("login", "--server", server.AdminApi.ToString(), "--token", server.InitialAdminToken!)).ExitCode);
        using var admin = server.AdminClient(server.InitialAdminToken!);
        var token = await Fleet.CreateEnrollmentTokenAsync(admin, "berlin", 1);
        var enroll = await AgentProcess.EnrollAsync(server, token, temp.Sub("agent"));
        Assert.True(enroll.ExitCode == 0, enroll.Output);

        var agent = AgentProcess.Run(temp.Sub("agent"));
        string deviceId;
        try
        {
            deviceId = (await Fleet.WaitForAsync(admin, d => d.Count == 1 && d[0].LastSeenAt is not null, TimeSpan.FromSeconds(60), "a check-in"))[0].Id;
            // A slow first start may have fired (never checked in since enrollment); the check-in resolves it.
            await UntilAsync(cli, ["alerts", "ls"], o => o.Contains("No firing alerts.", StringComparison.Ordinal));
            Assert.Equal(0, await agent.StopAsync(TimeSpan.FromSeconds(15)));
        }
        finally
        {
            await agent.DisposeAsync();
        }

        var firing = await UntilAsync(cli, ["alerts", "ls"], o => o.Contains(deviceId, StringComparison.Ordinal));
        Assert.Contains("device-offline", firing, StringComparison.Ordinal);
        Assert.Contains($"{server.AdminApi.ToString().TrimEnd('/')}/v1/runbooks/device-offline.md", firing, StringComparison.Ordinal);

        await using (var back = AgentProcess.Run(temp.Sub("agent")))
        {
            await UntilAsync(cli, ["alerts", "ls"], o => o.Contains("No firing alerts.", StringComparison.Ordinal));
            var history = await cli.RunAsync("alerts", "ls", "--all", "--device", deviceId);
            Assert.True(history.ExitCode == 0, history.Output);
            Assert.Contains("resolved", history.Output, StringComparison.Ordinal);
            Assert.Equal(0, await back.StopAsync(TimeSpan.FromSeconds(15)));
        }

        server.AssertNoErrorsLogged();
    }

    private static async Task<string> UntilAsync(Cli cli, string[] args, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var (exitCode, output) = await cli.RunAsync(args);
            Assert.True(exitCode == 0, output);
            if (condition(output))
            {
                return output;
            }

            last = output;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"`outpost {string.Join(' ', args)}` never showed the expected output; last:\n{last}");
    }
}
