using System.Text.Json;
using Outpost.Agent.Workloads;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// Stands in until the agent has a workload supervisor registered: runs releases whose workload lists no process
/// (always healthy) and refuses, with a clear reason, to start any that does, so such a release is reverted.
/// </summary>
internal sealed class ProcesslessWorkloadSupervisor : IWorkloadSupervisor
{
    public WorkloadHealth Health => WorkloadHealth.Idle;

    public Task StartAsync(string releaseId, string releaseDirectory, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(releaseDirectory, ReleaseContent.ManifestFile)));
        if (document.RootElement.TryGetProperty("workload", out var workload) && workload.ValueKind == JsonValueKind.Object
            && workload.TryGetProperty("processes", out var processes) && processes.ValueKind == JsonValueKind.Array
            && processes.GetArrayLength() > 0)
        {
            throw new WorkloadSpecException($"{releaseId} lists {processes.GetArrayLength()} workload processes, but this agent has no workload supervisor");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
