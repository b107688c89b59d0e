using Outpost.Agent.Workloads;

namespace Outpost.Agent.Tests.Updates.Engine;

/// <summary>A supervisor whose health the test sets; records what it was asked to start.</summary>
internal sealed class FakeWorkloads : IWorkloadSupervisor
{
    public List<string> Started { get; } = [];

    public string? Running { get; private set; }

    /// <summary>Health after a start of the given release (default healthy); applied by StartAsync.</summary>
    public Dictionary<string, WorkloadHealth> HealthOf { get; } = new(StringComparer.Ordinal);

    /// <summary>Releases whose StartAsync throws WorkloadSpecException.</summary>
    public HashSet<string> Unstartable { get; } = new(StringComparer.Ordinal);

    public WorkloadHealth Health { get; set; } = WorkloadHealth.Idle;

    public Task StartAsync(string releaseId, string releaseDirectory, CancellationToken cancellationToken)
    {
        Started.Add(releaseId);
        if (Unstartable.Contains(releaseId))
        {
            throw new WorkloadSpecException($"workload.processes[0].command: app/missing.sh does not exist in {releaseId}");
        }

        Assert.True(File.Exists(Path.Combine(releaseDirectory, "release.json")), $"started {releaseId} from {releaseDirectory}, which has no release.json");
        Running = releaseId;
        Health = HealthOf.GetValueOrDefault(releaseId, WorkloadHealth.Idle);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Running = null;
        Health = WorkloadHealth.Idle;
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
