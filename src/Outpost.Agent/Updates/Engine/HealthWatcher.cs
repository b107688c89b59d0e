using Outpost.Agent.Workloads;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// The health window: polls the supervisor's verdict on the injected clock until the window, counted from its
/// persisted start, has passed. Any failure ends it at once; at the end the workload must be healthy. No network is
/// involved, so it decides with the server unreachable.
/// </summary>
internal sealed class HealthWatcher(IWorkloadSupervisor workloads, TimeProvider time, TimeSpan pollInterval)
{
    public async Task<HealthVerdict> WatchAsync(DateTimeOffset startedAt, TimeSpan window, CancellationToken cancellationToken)
    {
        var end = startedAt + window;
        while (true)
        {
            var health = workloads.Health;
            if (health.Failure is { } cause)
            {
                return HealthVerdict.Fail(cause, health.Detail ?? cause.ToString());
            }

            var now = time.GetUtcNow();
            if (now >= end)
            {
                return health.Healthy
                    ? HealthVerdict.Pass
                    : HealthVerdict.Fail(UpdateFailureCause.ProbeFailed,
                        $"not healthy at the end of the {window.TotalSeconds:0.#} s health window{(health.Detail is { } d ? ": " + d : "")}");
            }

            var wait = end - now < pollInterval ? end - now : pollInterval;
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
