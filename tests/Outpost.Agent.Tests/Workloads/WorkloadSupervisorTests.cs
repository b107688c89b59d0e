using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Outpost.Agent.Workloads;
using Outpost.Protocol.Devices;
using static Outpost.Agent.Tests.Workloads.TestRelease;

namespace Outpost.Agent.Tests.Workloads;

/// <summary>The supervisor with real child processes: sh scripts in a temporary release folder.</summary>
public sealed class WorkloadSupervisorTests : IAsyncLifetime
{
    private readonly TestRelease _release = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _release.DisposeAsync();

    [Fact]
    public async Task Start_RunningProcess_BecomesHealthyAndStopEndsIt()
    {
        _release.Script("app/run.sh", "exec sleep 60");
        _release.Manifest("""{ "processes": [ { "name": "run", "command": "app/run.sh" } ] }""");
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => supervisor.Health.Healthy, "healthy");
        var pid = Assert.Single(supervisor.Processes).Pid!.Value;
        Assert.True(ProcessProbe.Alive(pid));
        Assert.Contains($" {_release.ReleaseId} run", File.ReadAllText(_release.Paths.WorkloadPids), StringComparison.Ordinal);

        await supervisor.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(ProcessProbe.Alive(pid));
        Assert.Equal("", File.ReadAllText(_release.Paths.WorkloadPids));
        Assert.Equal(WorkloadHealth.Idle, supervisor.Health);
    }

    [Fact]
    public async Task Start_NoWorkload_IsHealthyWithNothingRunning()
    {
        _release.Manifest("{}");
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);

        Assert.Equal(new WorkloadHealth(true, null, null, 0), supervisor.Health);
        Assert.Empty(supervisor.Processes);
    }

    [Fact]
    public async Task Start_ProcessThatKeepsCrashing_FailsWithCrashLoopAndLastExitCode()
    {
        _release.Script("app/crash.sh", "echo starting; exit 3");
        _release.Manifest("""
            { "processes": [ { "name": "crash", "command": "app/crash.sh",
                "restart": { "policy": "always", "initialBackoffSeconds": 0.01, "maxBackoffSeconds": 0.05 },
                "crashLoop": { "maxRestarts": 2, "windowSeconds": 60 } } ] }
            """);
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => supervisor.Health.Failure is not null, "failure");

        var health = supervisor.Health;
        Assert.Equal(UpdateFailureCause.CrashLoop, health.Failure);
        Assert.False(health.Healthy);
        Assert.Equal(2, health.Restarts);
        Assert.Contains("process crash exited 3 times within 60 s", health.Detail, StringComparison.Ordinal);
        Assert.Contains("last exit code 3", health.Detail, StringComparison.Ordinal);
        Assert.Equal(3, _release.LogText("crash").Split("out starting").Length - 1);
    }

    [Fact]
    public async Task Start_ProcessExitingUnderPolicyNever_FailsWithProcessExited()
    {
        _release.Script("app/once.sh", "echo bye >&2; exit 7");
        _release.Manifest("""{ "processes": [ { "name": "once", "command": "app/once.sh", "restart": { "policy": "never" } } ] }""");
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => supervisor.Health.Failure is not null, "failure");

        Assert.Equal(UpdateFailureCause.ProcessExited, supervisor.Health.Failure);
        Assert.Equal("process once exited with exit code 7 (restart policy never)", supervisor.Health.Detail);
        Assert.Equal(0, supervisor.Health.Restarts);
        await Until(() => _release.LogText("once").Contains(" err bye\n", StringComparison.Ordinal), "stderr captured");
    }

    [Fact]
    public async Task Start_HttpProbeAgainstClosedPort_FailsWithProbeFailedAfterThreshold()
    {
        var port = ClosedPort();
        _release.Script("app/serve.sh", "exec sleep 60");
        _release.Manifest($$"""
            { "processes": [ { "name": "serve", "command": "app/serve.sh",
                "probe": { "http": { "url": "http://127.0.0.1:{{port}}/healthz" },
                           "intervalSeconds": 0.05, "timeoutSeconds": 2, "failureThreshold": 3 } } ] }
            """);
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => supervisor.Health.Failure is not null, "failure");

        var health = supervisor.Health;
        Assert.Equal(UpdateFailureCause.ProbeFailed, health.Failure);
        Assert.StartsWith(
            $"process serve: http probe http://127.0.0.1:{port}/healthz failed 3 times in a row (failureThreshold 3); last error: ",
            health.Detail, StringComparison.Ordinal);
        Assert.Equal(3, _release.Logger.Entries.Count(e => e.Id.Name == "WorkloadProbeFailed"));
    }

    [Fact]
    public async Task Start_TcpProbeAgainstListener_Passes()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _release.Script("app/serve.sh", "exec sleep 60");
        _release.Manifest($$"""
            { "processes": [ { "name": "serve", "command": "app/serve.sh",
                "probe": { "tcp": { "host": "127.0.0.1", "port": {{port}} }, "intervalSeconds": 0.05, "failureThreshold": 1 } } ] }
            """);
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => supervisor.Health.Healthy || supervisor.Health.Failure is not null, "a verdict");

        Assert.Equal(new WorkloadHealth(true, null, null, 0), supervisor.Health);
        Assert.True(Assert.Single(supervisor.Processes).ProbePassing);
    }

    [Fact]
    public async Task Start_ExecProbe_UnhealthyUntilItExitsZero()
    {
        var ready = _release.Scratch("ready");
        _release.Script("app/serve.sh", "exec sleep 60");
        _release.Script("app/check.sh", """test -e "$READY_FILE" || { echo "not ready yet" >&2; exit 1; }""");
        _release.Manifest($$"""
            { "processes": [ { "name": "serve", "command": "app/serve.sh", "env": { "READY_FILE": "{{ready}}" },
                "probe": { "exec": { "command": "app/check.sh" }, "intervalSeconds": 0.05, "failureThreshold": 1000 } } ] }
            """);
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => _release.Logger.Entries.Any(e => e.Message.Contains("exit code 1: not ready yet", StringComparison.Ordinal)), "a failed check");
        Assert.False(supervisor.Health.Healthy);
        Assert.Equal(
            "process serve: exec probe " + Path.Combine(_release.Directory, "app/check.sh")
                + " has not passed since the process started; last error: exit code 1: not ready yet",
            supervisor.Health.Detail);

        await File.WriteAllTextAsync(ready, "", TestContext.Current.CancellationToken);
        await Until(() => supervisor.Health.Healthy, "healthy");
        Assert.Null(supervisor.Health.Failure);
    }

    [Fact]
    public async Task Stop_ProcessIgnoringSigterm_IsKilledAfterStopTimeoutWithItsChildren()
    {
        var childPid = _release.Scratch("child.pid");
        _release.Script("app/stubborn.sh", $$"""
            trap 'echo got-term' TERM
            sleep 60 &
            echo $! > {{childPid}}
            echo ready
            while true; do sleep 0.05; done
            """);
        _release.Manifest("""{ "processes": [ { "name": "stubborn", "command": "app/stubborn.sh", "stopTimeoutSeconds": 0.5 } ] }""");
        var supervisor = _release.Supervisor();
        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => _release.LogText("stubborn").Contains("out ready", StringComparison.Ordinal), "ready");
        var pid = Assert.Single(supervisor.Processes).Pid!.Value;
        var child = ProcessProbe.ReadPid(childPid);

        await supervisor.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(ProcessProbe.Alive(pid));
        await Until(() => !ProcessProbe.Alive(child), "child gone");
        Assert.Contains("out got-term", _release.LogText("stubborn"), StringComparison.Ordinal);
        Assert.Contains(_release.Logger.Entries, e => e.Id.Name == "WorkloadProcessKilled");
    }

    [Fact]
    public async Task Start_Process_SeesTheDocumentedEnvironment()
    {
        var dump = _release.Scratch("env.txt");
        _release.Script("app/env.sh", $"{{ env | grep -E '^(OUTPOST_|GREETING=)' | sort; pwd; }} > {dump}.tmp; mv {dump}.tmp {dump}; exec sleep 60");
        _release.Manifest(
            """{ "processes": [ { "name": "env", "command": "app/env.sh", "env": { "GREETING": "hello world" }, "workingDirectory": "app" } ] }""",
            ("infer.tar", "app"), ("model-v2.onnx", "model"), ("model-old.onnx", "model"), ("settings.json", "config"));
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => File.Exists(dump), "environment dump");

        var dir = _release.Directory;
        var lines = File.ReadAllLines(dump);
        Assert.Contains("GREETING=hello world", lines);
        Assert.Contains($"OUTPOST_RELEASE_ID={_release.ReleaseId}", lines);
        Assert.Contains($"OUTPOST_RELEASE_DIR={dir}", lines);
        Assert.Contains($"OUTPOST_APP_PATH={dir}/infer.tar", lines);
        Assert.Contains($"OUTPOST_MODEL_PATH={dir}/model-v2.onnx", lines);
        Assert.Contains($"OUTPOST_CONFIG_PATH={dir}/settings.json", lines);
        Assert.Contains($"OUTPOST_ARTIFACT_MODEL_V2_ONNX={dir}/model-v2.onnx", lines);
        Assert.Contains($"OUTPOST_ARTIFACT_MODEL_OLD_ONNX={dir}/model-old.onnx", lines);
        Assert.Contains($"OUTPOST_AGENT_SOCKET={_release.Paths.LocalApiSocket}", lines);
        Assert.Contains($"OUTPOST_WORKLOAD_OWNER={_release.Paths.DataDirectory}", lines);
        Assert.Equal($"{dir}/app", lines[^1]);
    }

    [Fact]
    public async Task Start_ChattyProcess_LogsRotateWithinTheirBounds()
    {
        _release.Script("app/chatty.sh", """
            i=0
            while [ $i -lt 400 ]; do echo "line $i 0123456789012345678901234567890123456789"; i=$((i+1)); done
            echo finished
            exec sleep 60
            """);
        _release.Manifest("""{ "processes": [ { "name": "chatty", "command": "app/chatty.sh", "logs": { "maxBytes": 4096, "files": 3 } } ] }""");
        var supervisor = _release.Supervisor();

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => _release.LogText("chatty").Contains("out finished", StringComparison.Ordinal), "all output");

        var files = Directory.GetFiles(Path.GetDirectoryName(_release.LogPath("chatty"))!).Order().ToList();
        Assert.Equal([_release.LogPath("chatty"), _release.LogPath("chatty") + ".1", _release.LogPath("chatty") + ".2"], files);
        Assert.All(files, f => Assert.InRange(new FileInfo(f).Length, 1, 4096));
        Assert.All(files, f => Assert.All(
            TestRelease.ReadShared(f).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            line => Assert.Matches(@"^\d{4}-\d\d-\d\dT[\d:.]+Z out (line \d+ 0123456789012345678901234567890123456789|finished)$", line)));
    }

    [Fact]
    public async Task Start_AfterAKilledAgent_StopsItsLeftoversButNotAProcessThatReusedAPid()
    {
        var childPid = _release.Scratch("child.pid");
        _release.Script("app/run.sh", $"sleep 60 & echo $! > {childPid}; exec sleep 60");
        _release.Manifest("""{ "processes": [ { "name": "run", "command": "app/run.sh", "restart": { "policy": "never" } } ] }""");
        // The "killed agent": a supervisor that is never stopped before the next one takes over.
        var previous = _release.Supervisor();
        await previous.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => ProcessProbe.ReadPid(childPid) != 0, "child started");
        var leftover = Assert.Single(previous.Processes).Pid!.Value;
        var leftoverChild = ProcessProbe.ReadPid(childPid);
        // An unrelated process recorded with the start time of an earlier process that had its PID.
        using var unrelated = Process.Start("sleep", "60");
        try
        {
            var stat = Outpost.Agent.Workloads.Processes.ProcStat.Read(unrelated.Id)!.Value;
            await File.AppendAllTextAsync(
                _release.Paths.WorkloadPids, $"{unrelated.Id} {stat.StartTime - 1} 0 1000 old@0.9 gone\n", TestContext.Current.CancellationToken);

            var next = _release.Supervisor();
            await next.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);

            Assert.False(ProcessProbe.Alive(leftover));
            await Until(() => !ProcessProbe.Alive(leftoverChild), "leftover child gone");
            Assert.True(ProcessProbe.Alive(unrelated.Id));
            await Until(() => next.Health.Healthy, "new workload healthy");
            var newPid = Assert.Single(next.Processes).Pid!.Value;
            Assert.NotEqual(leftover, newPid);
            Assert.Equal(2, _release.Logger.Entries.Count(e => e.Id.Name is "WorkloadLeftoverStopping" or "WorkloadLeftoverPidReused"));
            Assert.DoesNotContain($"{unrelated.Id} ", File.ReadAllText(_release.Paths.WorkloadPids), StringComparison.Ordinal);
        }
        finally
        {
            unrelated.Kill();
        }
    }

    [Fact]
    public async Task Start_AfterAKilledAgent_StopsUnrecordedProcessesCarryingItsOwnerMarker()
    {
        // The agent was killed between starting these and recording them: only their environment says whose they are.
        using var unrecorded = Marked(_release.Paths.DataDirectory);
        using var otherAgents = Marked(_release.Scratch("other-data"));
        _release.Manifest("{}");
        try
        {
            var supervisor = _release.Supervisor();
            await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);

            Assert.True(unrecorded.WaitForExit(TimeSpan.FromSeconds(10)), "the unrecorded process was stopped");
            Assert.True(ProcessProbe.Alive(otherAgents.Id));
        }
        finally
        {
            otherAgents.Kill();
        }

        static Process Marked(string dataDirectory)
        {
            var start = new ProcessStartInfo("sleep", ["60"]);
            start.Environment["OUTPOST_WORKLOAD_OWNER"] = dataDirectory;
            return Process.Start(start)!;
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
