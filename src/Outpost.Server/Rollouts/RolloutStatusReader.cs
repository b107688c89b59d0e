namespace Outpost.Server.Rollouts;

internal sealed class RolloutStatusReader(IRolloutStore store) : IRolloutStatusReader
{
    public async Task<IReadOnlyList<HaltedRollout>> HaltedAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        [.. (await store.ListHaltedAsync(since, cancellationToken)).Select(r => new HaltedRollout(r.Id, r.Spec.Release, r.State, r.Reason, r.HaltedAt))];
}
