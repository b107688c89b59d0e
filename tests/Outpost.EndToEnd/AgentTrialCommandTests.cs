using Outpost.EndToEnd.Infrastructure;

namespace Outpost.EndToEnd;

/// <summary>
/// <c>outpost-agent check-in-once</c>, the self-update trial a new agent binary must pass (docs/designs/agent-self-update.md),
/// against the real server: exit 0 after one accepted check-in that reports its version, exit 1 with one line otherwise.
/// </summary>
public sealed class AgentTrialCommandTests
{
    [Fact]
    public async Task CheckInOnce_EnrolledAgent_ChecksInOnceReportingItsVersion_ServerGone_ExitsOneWithTheReason()
    {
        using var temp = new TempFolder();
        var server = await ServerProcess.StartAsync(temp.Sub("server"));
        var data = temp.Sub("agent");
        using (var admin = server.AdminClient(server.InitialAdminToken!))
        {
            var token = await Fleet.CreateEnrollmentTokenAsync(admin, "lab", 1);
            var enroll = await AgentProcess.EnrollAsync(server, token, data);
            Assert.True(enroll.ExitCode == 0, enroll.Output);

            var (code, output) = await CheckInOnceAsync(data);

            Assert.True(code == 0, output);
            Assert.Matches("^outpost-agent: checked in as version [0-9]", output);
            var device = Assert.Single(await Fleet.DevicesAsync(admin));
            Assert.False(string.IsNullOrEmpty(device.AgentVersion));
            Assert.Contains(device.AgentVersion!, output, StringComparison.Ordinal);
        }

        server.AssertNoErrorsLogged();
        Assert.Equal(0, await server.StopAsync());

        var (failedCode, failedOutput) = await CheckInOnceAsync(data, "--request-timeout", "00:00:05");

        Assert.Equal(1, failedCode);
        Assert.StartsWith("outpost-agent: check-in failed (Unavailable)", failedOutput, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failedOutput);
    }

    private static async Task<(int ExitCode, string Output)> CheckInOnceAsync(string data, params string[] extra)
    {
        await using var process = Binaries.StartAgent("outpost-agent check-in-once",
            ["check-in-once", "--data-dir", data, .. extra]);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!process.HasExited)
        {
            await Task.Delay(20, cts.Token);
        }

        await Task.Delay(50, CancellationToken.None);
        return (process.ExitCode, process.Output);
    }
}
