namespace Outpost.Server.Alerts;

/// <summary>Stand-in until the rollout engine registers its <see cref="IHaltedRolloutsReader"/>: no rollout is ever halted.</summary>
internal sealed class NoHaltedRolloutsReader : IHaltedRolloutsReader
{
    public Task<IReadOnlyList<HaltedRollout>> ListHaltedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HaltedRollout>>([]);
}
