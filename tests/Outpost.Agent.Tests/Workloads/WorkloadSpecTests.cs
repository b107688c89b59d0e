using Outpost.Agent.Workloads;
using Outpost.Agent.Workloads.Spec;

namespace Outpost.Agent.Tests.Workloads;

public sealed class WorkloadSpecTests : IAsyncLifetime
{
    private readonly TestRelease _release = new();

    public ValueTask InitializeAsync()
    {
        _release.Script("app/run.sh", "exec sleep 60");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _release.DisposeAsync();

    [Theory]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "restart": { "policy": "sometimes" } } ] }""",
        "workload.processes[0].restart.policy 'sometimes' is unknown: expected always, on-failure or never")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "probe": { "http": { "url": "http://127.0.0.1:1/" }, "tcp": { "port": 1 } } } ] }""",
        "workload.processes[0].probe must have exactly one of http, tcp or exec (it has 2)")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "probe": { } } ] }""",
        "workload.processes[0].probe must have exactly one of http, tcp or exec (it has 0)")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "../../../../bin/sh" } ] }""",
        "workload.processes[0].command '../../../../bin/sh' leaves the release folder")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "workingDirectory": "app/../.." } ] }""",
        "workload.processes[0].workingDirectory 'app/../..' leaves the release folder")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh" }, { "name": "a", "command": "app/run.sh" } ] }""",
        "workload.processes[1].name 'a' is used by another process")]
    [InlineData("""{ "processes": [ { "name": "a" } ] }""", "workload.processes[0].command is required")]
    [InlineData("""{ "processes": [ { "command": "app/run.sh" } ] }""", "workload.processes[0].name is required")]
    [InlineData("""{ "processes": [ { "name": "../x", "command": "app/run.sh" } ] }""", "workload.processes[0].name '../x' must be 1-64 letters")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/missing.sh" } ] }""",
        "workload.processes[0].command 'app/missing.sh' is not a file of the release")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh" }, { "name": "b", "command": "app/run.sh", "probe": { "tcp": { "port": 80 }, "timeoutSeconds": 0 } } ] }""",
        "workload.processes[1].probe.timeoutSeconds must be > 0")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "probe": { "tcp": { "port": 70000 }, "failureThreshold": 0 } } ] }""",
        "workload.processes[0].probe.tcp.port must be between 1 and 65535; workload.processes[0].probe.failureThreshold must be >= 1")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "probe": { "http": { "url": "ftp://x/" } } } ] }""",
        "workload.processes[0].probe.http.url 'ftp://x/' must be an absolute http:// or https:// URL")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "probe": { "exec": { "command": "../x" } } } ] }""",
        "workload.processes[0].probe.exec.command '../x' leaves the release folder")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "env": { "OUTPOST_RELEASE_ID": "x" } } ] }""",
        "workload.processes[0].env.OUTPOST_RELEASE_ID: the OUTPOST_ prefix is reserved")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "restart": { "initialBackoffSeconds": 5, "maxBackoffSeconds": 1 } } ] }""",
        "workload.processes[0].restart.maxBackoffSeconds must be >= restart.initialBackoffSeconds")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "crashLoop": { "maxRestarts": -1 }, "stopTimeoutSeconds": -1, "logs": { "maxBytes": 10, "files": 0 } } ] }""",
        "workload.processes[0].crashLoop.maxRestarts must be >= 0; workload.processes[0].stopTimeoutSeconds must be > 0; workload.processes[0].logs.maxBytes must be >= 1024; workload.processes[0].logs.files must be between 1 and 100")]
    [InlineData("""{ "healthWindowSeconds": 0 }""", "workload.healthWindowSeconds must be > 0")]
    [InlineData("""{ "processes": [ null ] }""", "workload.processes[0] must be an object")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "restartPolicy": "never" } ] }""",
        "workload.processes[0].restartPolicy: unknown field")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "stopTimeoutSeconds": "ten" } ] }""",
        "workload.processes[0].stopTimeoutSeconds: has the wrong type")]
    [InlineData("""{ "processes": [ { "name": "a", "command": "app/run.sh", "restart": null } ] }""",
        "workload.processes[0].restart: must not be null")]
    [InlineData("""[]""", "workload must be a JSON object")]
    public void Load_InvalidSpec_NamesTheField(string workload, string expected)
    {
        _release.Manifest(workload);

        var error = Assert.Throws<WorkloadSpecException>(() => ReleaseWorkload.Load(_release.Directory));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{ "processes": [] }""")]
    public void Load_EmptyWorkload_HasNoProcesses(string workload)
    {
        _release.Manifest(workload);

        var loaded = ReleaseWorkload.Load(_release.Directory);

        Assert.Empty(loaded.Spec.Processes);
        Assert.Equal(TimeSpan.FromSeconds(60), loaded.Spec.HealthWindow);
    }

    [Fact]
    public void Load_FullSpec_KeepsEveryFieldAndDefaults()
    {
        _release.Manifest("""
            { "healthWindowSeconds": 30,
              "processes": [ { "name": "infer", "command": "app/run.sh", "args": ["--fps", "30"], "env": { "K": "V" },
                "restart": { "policy": "on-failure", "initialBackoffSeconds": 2, "maxBackoffSeconds": 8 },
                "probe": { "exec": { "command": "/bin/true" }, "initialDelaySeconds": 1 } } ] }
            """, ("model.onnx", "model"));

        var loaded = ReleaseWorkload.Load(_release.Directory);

        var process = Assert.Single(loaded.Spec.Processes)!;
        Assert.Equal(TimeSpan.FromSeconds(30), loaded.Spec.HealthWindow);
        Assert.Equal(["--fps", "30"], process.Args);
        Assert.Equal("V", process.Env["K"]);
        Assert.Equal(RestartPolicy.OnFailure, process.Restart.ParsedPolicy);
        Assert.Equal((3, 60.0), (process.CrashLoop.MaxRestarts, process.CrashLoop.WindowSeconds));
        Assert.Equal((5.0, 2.0, 3, 1.0), (process.Probe!.IntervalSeconds, process.Probe.TimeoutSeconds, process.Probe.FailureThreshold, process.Probe.InitialDelaySeconds));
        Assert.Equal((1024L * 1024, 3), (process.Logs.MaxBytes, process.Logs.Files));
        Assert.Equal(10, process.StopTimeoutSeconds);
        Assert.Equal(new ReleaseArtifact("model.onnx", "model"), Assert.Single(loaded.Artifacts));
    }

    [Fact]
    public async Task StartAsync_InvalidSpec_ThrowsAndStartsNothing()
    {
        _release.Manifest("""{ "processes": [ { "name": "a", "command": "app/run.sh", "restart": { "policy": "x" } } ] }""");
        var supervisor = _release.Supervisor();

        await Assert.ThrowsAsync<WorkloadSpecException>(() => supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken));

        Assert.Empty(supervisor.Processes);
    }

    [Fact]
    public void Load_NoReleaseJson_Throws()
    {
        var error = Assert.Throws<WorkloadSpecException>(() => ReleaseWorkload.Load(_release.Scratch("nowhere")));

        Assert.StartsWith("cannot read release.json", error.Message, StringComparison.Ordinal);
    }
}
