using Outpost.Protocol.Devices;

namespace Outpost.Agent.Workloads;

/// <summary>
/// A point-in-time verdict on the running workload. <see cref="Failure"/> set = the release has failed for good (crash
/// loop, probe past its failure threshold, process exited without restart): the health window reverts at once.
/// <see cref="Healthy"/> = every process is up and every probe has passed since its last failure; a window commits
/// only if it ends healthy and nothing failed during it.
/// </summary>
internal sealed record WorkloadHealth(bool Healthy, UpdateFailureCause? Failure, string? Detail, int Restarts)
{
    public static WorkloadHealth Idle { get; } = new(true, null, null, 0);
}
