namespace Outpost.Agent.Workloads;

/// <summary>
/// Runs the workload of one installed release at a time: the processes its <c>release.json</c> "workload" spec lists,
/// with their restart policies and health probes. The update engine starts a release after a switch, watches
/// <see cref="Health"/> through the health window, and starts the previous release again on a revert.
/// </summary>
internal interface IWorkloadSupervisor : IAsyncDisposable
{
    /// <summary>
    /// Stops whatever runs now and starts the workload of the release installed in <paramref name="releaseDirectory"/>
    /// (which holds its release.json and artifacts). A release whose spec lists no process is valid and healthy.
    /// </summary>
    /// <exception cref="WorkloadSpecException">The spec is malformed or names a file the release does not have.</exception>
    Task StartAsync(string releaseId, string releaseDirectory, CancellationToken cancellationToken);

    /// <summary>Stops every process of the running release (SIGTERM, then SIGKILL after its stop timeout).</summary>
    Task StopAsync(CancellationToken cancellationToken);

    /// <summary>The health of the running release right now.</summary>
    WorkloadHealth Health { get; }
}
