using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Workloads;
using static Outpost.Agent.Tests.Workloads.TestRelease;

namespace Outpost.Agent.Tests.Workloads;

/// <summary>Restarts of a real crashing process, with the backoff on fake time: nothing restarts before its time.</summary>
public sealed class RestartBackoffTests : IAsyncLifetime
{
    private readonly TestRelease _release = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-29T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _release.DisposeAsync();

    [Fact]
    public async Task CrashingProcess_IsRestartedAfterADoublingBackoffUpToItsMaximum()
    {
        _release.Script("app/fail.sh", "exit 1");
        _release.Manifest("""
            { "processes": [ { "name": "fail", "command": "app/fail.sh",
                "restart": { "policy": "on-failure", "initialBackoffSeconds": 10, "maxBackoffSeconds": 25 },
                "crashLoop": { "maxRestarts": 10, "windowSeconds": 600 } } ] }
            """);
        var supervisor = _release.Supervisor(_time);
        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);

        foreach (var (restarts, backoff) in new[] { (0, 10), (1, 20), (2, 25), (3, 25) })
        {
            await Until(() => Status() is { State: ProcessState.BackingOff } s && s.Restarts == restarts, $"backing off after {restarts} restarts");
            Assert.Equal(TimeSpan.FromSeconds(backoff), Status().NextStartAt - _time.GetUtcNow());

            _time.Advance(TimeSpan.FromSeconds(backoff) - TimeSpan.FromMilliseconds(1));
            Assert.Equal((ProcessState.BackingOff, restarts), (Status().State, Status().Restarts));

            _time.Advance(TimeSpan.FromMilliseconds(1));
            await Until(() => Status().Restarts == restarts + 1, "restarted");
        }

        await Until(() => Status().State == ProcessState.BackingOff, "backing off again");
        Assert.Equal(
            new WorkloadHealth(false, null, "process fail exited with exit code 1 and restarts at 2026-11-29T04:01:45.0000000+00:00", 4),
            supervisor.Health);

        ProcessStatus Status() => Assert.Single(supervisor.Processes);
    }

    [Fact]
    public async Task OnFailure_CleanExit_CompletesWithoutRestartAndStaysHealthy()
    {
        _release.Script("app/job.sh", "exit 0");
        _release.Manifest("""{ "processes": [ { "name": "job", "command": "app/job.sh", "restart": { "policy": "on-failure" } } ] }""");
        var supervisor = _release.Supervisor(_time);

        await supervisor.StartAsync(_release.ReleaseId, _release.Directory, TestContext.Current.CancellationToken);
        await Until(() => Assert.Single(supervisor.Processes).State == ProcessState.Completed, "completed");

        Assert.Equal(new WorkloadHealth(true, null, null, 0), supervisor.Health);
    }
}
