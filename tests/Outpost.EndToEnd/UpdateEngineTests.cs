using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;

namespace Outpost.EndToEnd;

/// <summary>
/// Issue 4 with real processes: a real agent installs v1, updates to v2 (v1 kept as N-1), and a fleet rollback to v1
/// switches back from the kept files without fetching anything; the CLI shows current, previous and the update state.
/// </summary>
public sealed class UpdateEngineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Update_ThenFleetRollback_SwitchesFromKeptFilesWithoutDownload()
    {
        using var temp = new TempFolder();
        await using var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: TimeSpan.FromSeconds(1));
        var adminToken = server.InitialAdminToken!;
        var cli = new Cli(temp.Sub("cli.json"));
        var repo = temp.Sub("repo");
        await Ok(cli, "login", "--server", server.AdminApi.ToString(), "--token", adminToken);
        await Ok(cli, "keys", "init", "--dir", repo);
        var workload = temp.Sub("workload.json");
        await File.WriteAllTextAsync(workload, """{"healthWindowSeconds": 1, "processes": []}""", Ct);
        foreach (var version in new[] { "1.0.0", "2.0.0" })
        {
            var model = temp.Sub($"model-{version}.bin");
            await File.WriteAllBytesAsync(model, System.Security.Cryptography.RandomNumberGenerator.GetBytes(100_000), Ct);
            await Ok(cli, "release", "create", "--dir", repo, "--name", "cam", "--version", version, "--device-class", "e2e",
                "--artifact", "model=" + model, "--workload", workload);
            await Ok(cli, "release", "push", "--dir", repo, $"cam@{version}");
        }

        var agentData = temp.Sub("agent");
        using var admin = server.AdminClient(adminToken);
        var enroll = await AgentProcess.EnrollAsync(server, await Fleet.CreateEnrollmentTokenAsync(admin, "hamburg", 1), agentData,
            "--tuf-root", Path.Combine(repo, "root.json"));
        Assert.True(enroll.ExitCode == 0, enroll.Output);
        await using var agent = AgentProcess.Run(agentData);
        var device = (await Fleet.WaitForAsync(admin, d => d.Count == 1 && d[0].Status == DeviceStatus.Online, TimeSpan.FromSeconds(60), "agent online"))[0];

        await Ok(cli, "devices", "set-release", device.Id, "cam@1.0.0");
        await WaitForAsync(admin, "cam@1.0.0", null, agent);
        await Ok(cli, "devices", "set-release", device.Id, "cam@2.0.0");
        await WaitForAsync(admin, "cam@2.0.0", "cam@1.0.0", agent);
        Assert.Equal(Path.Combine("releases", "cam@2.0.0"), new FileInfo(Path.Combine(agentData, "current")).LinkTarget);

        // Fleet rollback: the TUF target cache goes away, so any download would show up as a new file there.
        var targets = Path.Combine(agentData, "tuf", "targets");
        Directory.Delete(targets, recursive: true);
        var downloadsBefore = agent.Lines.Count(l => l.Contains("[1305]", StringComparison.Ordinal));
        await Ok(cli, "devices", "set-release", device.Id, "cam@1.0.0");
        await WaitForAsync(admin, "cam@1.0.0", "cam@2.0.0", agent);

        Assert.False(Directory.Exists(targets) && Directory.EnumerateFiles(targets).Any(), "a target was fetched for the rollback");
        Assert.Equal(downloadsBefore, agent.Lines.Count(l => l.Contains("[1305]", StringComparison.Ordinal)));
        Assert.Equal(Path.Combine("releases", "cam@1.0.0"), new FileInfo(Path.Combine(agentData, "current")).LinkTarget);
        Assert.Equal(["cam@1.0.0", "cam@2.0.0"], Directory.EnumerateDirectories(Path.Combine(agentData, "releases")).Select(Path.GetFileName).Order());
        var show = await Ok(cli, "devices", "show", device.Id);
        Assert.Contains("cam@1.0.0 committed", show, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Current\s+cam@1\.0\.0$", show);
        Assert.Matches(@"(?m)^Previous\s+cam@2\.0\.0$", show);
        Assert.Equal(0, await agent.StopAsync(TimeSpan.FromSeconds(15)));
        server.AssertNoErrorsLogged();
    }

    private static async Task WaitForAsync(HttpClient admin, string current, string? previous, ChildProcess agent)
    {
        try
        {
            await Fleet.WaitForAsync(admin, d => d[0].CurrentRelease == current && d[0].PreviousRelease == previous
                && d[0].Update is { State: UpdateState.Committed } u && u.Release == current, TimeSpan.FromSeconds(90), $"{current} committed");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n--- agent ---\n{agent.Output}", ex);
        }
    }

    private static async Task<string> Ok(Cli cli, params string[] args)
    {
        var (exitCode, output) = await cli.RunAsync(args);
        Assert.True(exitCode == 0, $"outpost {string.Join(' ', args)}: {output}");
        return output;
    }
}
