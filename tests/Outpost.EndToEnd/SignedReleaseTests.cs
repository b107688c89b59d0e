using Microsoft.Data.Sqlite;
using Outpost.EndToEnd.Infrastructure;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Devices;

namespace Outpost.EndToEnd;

/// <summary>
/// Issue 3 with real processes: the operator signs a release offline, pushes it, points a device at it, and the real
/// agent verifies, installs and commits it; a server compromised afterwards cannot make the agent accept an unsigned release.
/// </summary>
public sealed class SignedReleaseTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Release_SignedAndPushed_AgentVerifiesAndStagesIt_UnsignedDesiredReleaseRefused()
    {
        using var temp = new TempFolder();
        await using var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: Interval);
        var adminToken = server.InitialAdminToken!;
        var cli = new Cli(temp.Sub("cli.json"));
        var repo = temp.Sub("repo");
        await Ok(cli, "login", "--server", server.AdminApi.ToString(), "--token", adminToken);
        await Ok(cli, "keys", "init", "--dir", repo);

        var model = temp.Sub("model.bin");
        var config = temp.Sub("config.json");
        await File.WriteAllBytesAsync(model, System.Security.Cryptography.RandomNumberGenerator.GetBytes(300_000), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(config, "{\"threshold\":0.8}", TestContext.Current.CancellationToken);
        var workload = temp.Sub("workload.json");
        await File.WriteAllTextAsync(workload, """{"healthWindowSeconds": 1}""", TestContext.Current.CancellationToken);
        await Ok(cli, "release", "create", "--dir", repo, "--name", "cam", "--version", "1.0.0", "--device-class", "e2e",
            "--artifact", "model=" + model, "--artifact", "config=" + config, "--workload", workload);
        await Ok(cli, "release", "push", "--dir", repo, "cam@1.0.0");

        var agentData = temp.Sub("agent");
        using var admin = server.AdminClient(adminToken);
        var token = await Fleet.CreateEnrollmentTokenAsync(admin, "hamburg", 1);
        // The operator's root.json is the device's TUF trust anchor. One that does not verify is refused before the
        // token is sent: the single-use token still works afterwards.
        var bogusRoot = temp.Sub("bogus-root.json");
        await File.WriteAllTextAsync(bogusRoot, "{\"signed\":{},\"signatures\":[]}", TestContext.Current.CancellationToken);
        var refusedEnroll = await AgentProcess.EnrollAsync(server, token, agentData, "--tuf-root", bogusRoot);
        Assert.True(refusedEnroll.ExitCode == 1 && refusedEnroll.Output.Contains("--tuf-root", StringComparison.Ordinal), refusedEnroll.Output);
        var enroll = await AgentProcess.EnrollAsync(server, token, agentData, "--tuf-root", Path.Combine(repo, "root.json"));
        Assert.True(enroll.ExitCode == 0, enroll.Output);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(repo, "root.json"), TestContext.Current.CancellationToken),
            await File.ReadAllBytesAsync(Path.Combine(agentData, "tuf", "metadata", "root.json"), TestContext.Current.CancellationToken));
        await using var agent = AgentProcess.Run(agentData);
        var device = (await Fleet.WaitForAsync(admin, d => d.Count == 1 && d[0].Status == DeviceStatus.Online, TimeSpan.FromSeconds(60), "agent online"))[0];

        await Ok(cli, "devices", "set-release", device.Id, "cam@1.0.0");
        // Verified, staged, installed into releases/ and committed by the update engine (docs/designs/update-engine.md).
        await Fleet.WaitForAsync(admin, d => d[0].Update is { Release: "cam@1.0.0", State: UpdateState.Committed }, TimeSpan.FromSeconds(60), "release committed");
        var staged = Path.Combine(agentData, "releases", "cam@1.0.0");
        Assert.Equal(await File.ReadAllBytesAsync(model, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(staged, "model.bin"), TestContext.Current.CancellationToken));
        Assert.Equal(await File.ReadAllBytesAsync(config, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(Path.Combine(staged, "config.json"), TestContext.Current.CancellationToken));
        var show = await Ok(cli, "devices", "show", device.Id);
        Assert.Contains("cam@1.0.0 committed", show, StringComparison.Ordinal);

        // A compromised server: a desired release nobody signed, written straight into its database.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(server.DataDirectory, "outpost.db")}"))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await using var update = db.CreateCommand();
            update.CommandText = "UPDATE devices SET desired_release = 'evil@6.6.6' WHERE id = $id;";
            update.Parameters.AddWithValue("$id", device.Id);
            Assert.Equal(1, await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        var refused = (await Fleet.WaitForAsync(admin, d => d[0].Update is { Release: "evil@6.6.6", State: UpdateState.Refused }, TimeSpan.FromSeconds(60), "unsigned release refused"))[0];
        Assert.Equal("release evil@6.6.6 is not in the verified targets metadata", refused.Update!.Detail);
        Assert.False(Directory.Exists(Path.Combine(agentData, "staging", "evil@6.6.6")));
        Assert.Equal("cam@1.0.0", refused.CurrentRelease);
        Assert.Equal(0, await agent.StopAsync(TimeSpan.FromSeconds(15)));
        server.AssertNoErrorsLogged();
    }

    private static async Task<string> Ok(Cli cli, params string[] args)
    {
        var (exitCode, output) = await cli.RunAsync(args);
        Assert.True(exitCode == 0, $"outpost {string.Join(' ', args)}: {output}");
        return output;
    }
}
