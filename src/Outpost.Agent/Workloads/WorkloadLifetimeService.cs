using Microsoft.Extensions.Hosting;

namespace Outpost.Agent.Workloads;

/// <summary>
/// Ties the workload to the agent's life: at startup the processes a killed agent left behind are stopped, before the
/// update engine starts the current release; at shutdown (SIGTERM) the workload is stopped. Register the update engine
/// after AddWorkloads: hosted services stop in reverse order, so the engine stops first and cannot start it again.
/// </summary>
internal sealed class WorkloadLifetimeService(WorkloadSupervisor supervisor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => supervisor.StopLeftoversAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => supervisor.StopAsync(cancellationToken);
}
