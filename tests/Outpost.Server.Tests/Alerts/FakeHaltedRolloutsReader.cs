using Outpost.Server.Alerts;

namespace Outpost.Server.Tests.Alerts;

internal sealed class FakeHaltedRolloutsReader : IHaltedRolloutsReader
{
    public List<HaltedRollout> Halted { get; } = [];

    public Task<IReadOnlyList<HaltedRollout>> ListHaltedAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<HaltedRollout>>([.. Halted]);
}
