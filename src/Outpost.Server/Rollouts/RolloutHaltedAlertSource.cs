using Outpost.Server.Alerts;

namespace Outpost.Server.Rollouts;

/// <summary>
/// The rollout-halted alert's view of the engine: rollouts halted or rolling back now, and those that finished rolling
/// back within <see cref="RecentlyRolledBack"/> — a fast fleet rollback must still page someone, then resolve on its own.
/// </summary>
internal sealed class RolloutHaltedAlertSource(IRolloutStatusReader rollouts, TimeProvider time) : IHaltedRolloutsReader
{
    public static readonly TimeSpan RecentlyRolledBack = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<Alerts.HaltedRollout>> ListHaltedAsync(CancellationToken cancellationToken) =>
        [.. (await rollouts.HaltedAsync(time.GetUtcNow() - RecentlyRolledBack, cancellationToken))
            .Select(r => new Alerts.HaltedRollout(r.Id, r.Release, r.Reason ?? r.State.ToString(), r.HaltedAt ?? time.GetUtcNow()))];
}
