using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Outpost.Protocol;
using Outpost.Protocol.Admin;

namespace Outpost.EndToEnd.Infrastructure;

/// <summary>
/// A real server, an operator (CLI with a TUF repository) and one enrolled device, for update tests: releases with a
/// workload are created and pushed with the CLI, the desired release is set through the admin API, and the agent is
/// started (and killed) as a real process on the device's data folder.
/// </summary>
internal sealed class UpdateBench : IAsyncDisposable
{
    private readonly TempFolder _temp;
    private ChildProcess? _agent;

    private UpdateBench(TempFolder temp, ServerProcess server, Cli cli, HttpClient admin)
    {
        _temp = temp;
        Server = server;
        Cli = cli;
        Admin = admin;
    }

    public ServerProcess Server { get; }

    public Cli Cli { get; }

    public HttpClient Admin { get; }

    public string Repo => _temp.Sub("repo");

    public string AgentData => _temp.Sub("agent");

    public string DeviceId { get; private set; } = "";

    public ChildProcess Agent => _agent ?? throw new InvalidOperationException("no agent running");

    public static async Task<UpdateBench> StartAsync(TimeSpan? checkInInterval = null)
    {
        var temp = new TempFolder();
        var server = await ServerProcess.StartAsync(temp.Sub("server"), checkInInterval: checkInInterval ?? TimeSpan.FromSeconds(1));
        var cli = new Cli(temp.Sub("cli.json"));
        var bench = new UpdateBench(temp, server, cli, server.AdminClient(server.InitialAdminToken!));
        await bench.CliOkAsync("login", "--server", server.AdminApi.ToString(), "--token", server.InitialAdminToken!);
        await bench.CliOkAsync("keys", "init", "--dir", bench.Repo);
        return bench;
    }

    public async Task<string> CliOkAsync(params string[] args)
    {
        var (exitCode, output) = await Cli.RunAsync(args);
        Assert.True(exitCode == 0, $"outpost {string.Join(' ', args)}: {output}");
        return output;
    }

    /// <summary>
    /// Creates and pushes NAME@VERSION with a random model of <paramref name="modelBytes"/>, the workload, and any extra
    /// <c>kind=path</c> artifacts. Returns the release id.
    /// </summary>
    public async Task<string> ReleaseAsync(string name, string version, JsonObject? workload, int modelBytes = 64 * 1024, params string[] extraArtifacts)
    {
        var folder = _temp.Sub($"src-{name}-{version}");
        Directory.CreateDirectory(folder);
        var model = Path.Combine(folder, "model.bin");
        await File.WriteAllBytesAsync(model, System.Security.Cryptography.RandomNumberGenerator.GetBytes(modelBytes));
        var args = new List<string>
        {
            "release", "create", "--dir", Repo, "--name", name, "--version", version, "--device-class", "e2e", "--artifact", "model=" + model,
        };
        foreach (var extra in extraArtifacts)
        {
            args.AddRange(["--artifact", extra]);
        }

        if (workload is not null)
        {
            var spec = Path.Combine(folder, "workload.json");
            await File.WriteAllTextAsync(spec, workload.ToJsonString());
            args.AddRange(["--workload", spec]);
        }

        await CliOkAsync([.. args]);
        await CliOkAsync("release", "push", "--dir", Repo, $"{name}@{version}");
        return $"{name}@{version}";
    }

    /// <summary>Enrolls the device (trusting the operator's TUF root) and starts its agent; waits until it is known.</summary>
    public Task<ChildProcess> EnrollAndRunAsync(params string[] agentFlags) => EnrollAndRunAsync(Server.DeviceApi, agentFlags);

    /// <summary>As <see cref="EnrollAndRunAsync(string[])"/>, the device reaching the server at <paramref name="deviceApi"/>.</summary>
    public async Task<ChildProcess> EnrollAndRunAsync(Uri deviceApi, params string[] agentFlags)
    {
        var token = await Fleet.CreateEnrollmentTokenAsync(Admin, "faults", 1);
        var enroll = await AgentProcess.EnrollAsync(Server, deviceApi, token, AgentData, "--tuf-root", Path.Combine(Repo, "root.json"));
        Assert.True(enroll.ExitCode == 0, enroll.Output);
        var agent = StartAgent(agentFlags);
        DeviceId = (await Fleet.WaitForAsync(Admin, d => d.Count == 1, TimeSpan.FromSeconds(60), "device enrolled"))[0].Id;
        return agent;
    }

    public ChildProcess StartAgent(params string[] flags)
    {
        _agent = Binaries.StartAgent("outpost-agent run", ["run", "--data-dir", AgentData, .. flags]);
        return _agent;
    }

    /// <summary>SIGKILL to the agent process alone (not its workloads): what a power cut does to the agent.</summary>
    public async Task KillAgentAsync()
    {
        var agent = Agent;
        if (!agent.HasExited)
        {
            using var kill = Process.Start("kill", ["-KILL", agent.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        while (!agent.HasExited)
        {
            await Task.Delay(5);
        }

        await agent.DisposeAsync();
        _agent = null;
    }

    public async Task StopAgentAsync()
    {
        if (_agent is not null)
        {
            // A SIGTERM that arrives before the host has registered its signal handlers kills the process with the
            // default action (exit 143). A test may reach its stop while the agent it just started is still booting
            // (the killed agent's workload, which outlives it, already satisfied the test's wait), so stop only an
            // agent that is up: the check-in loop starts after the host's lifetime took over SIGTERM.
            try
            {
                await _agent.WaitForLineAsync(l => l.Contains("Check-in loop started", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException) when (_agent.HasExited)
            {
                // It stopped on its own (a hand-over, a fatal error): its exit code below tells which.
            }

            Assert.Equal(0, await _agent.StopAsync(TimeSpan.FromSeconds(30)));
            await _agent.DisposeAsync();
            _agent = null;
        }
    }

    public async Task SetDesiredAsync(string release)
    {
        using var response = await Admin.PutAsJsonAsync(AdminApiRoutes.DesiredRelease(DeviceId),
            new SetDesiredReleaseRequest { Release = release }, OutpostJsonContext.Default.SetDesiredReleaseRequest);
        response.EnsureSuccessStatusCode();
    }

    public async Task<DeviceView> DeviceAsync() => (await Fleet.DevicesAsync(Admin)).Single(d => d.Id == DeviceId);

    public async Task<DeviceView> WaitForDeviceAsync(Func<DeviceView, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        DeviceView? device = null;
        while (DateTime.UtcNow < deadline)
        {
            device = await DeviceAsync();
            if (condition(device))
            {
                return device;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"timed out waiting for {what}; device update {device?.Update}, current {device?.CurrentRelease}, " +
            $"previous {device?.PreviousRelease}\n--- agent ---\n{_agent?.Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        // Workloads of a killed agent that a test left behind: never leak processes past the test.
        foreach (var (pid, _) in DeviceDisk.WorkloadProcesses(AgentData))
        {
            try
            {
                Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }

        Admin.Dispose();
        await Server.DisposeAsync();
        _temp.Dispose();
    }
}
