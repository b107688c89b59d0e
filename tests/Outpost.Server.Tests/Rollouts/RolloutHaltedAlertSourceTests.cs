using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Rollouts;

namespace Outpost.Server.Tests.Rollouts;

public sealed class RolloutHaltedAlertSourceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListHaltedAsync_AsksForTheLastHour_AndCarriesReasonOrState()
    {
        var reader = new RecordingReader(
        [
            new HaltedRollout("r1", "cam@2.0.0", RolloutState.Halted, "failure ratio 0.2 > 0.1", Now.AddMinutes(-5)),
            new HaltedRollout("r2", "cam@2.1.0", RolloutState.RollingBack, null, null),
        ]);
        var source = new RolloutHaltedAlertSource(reader, new FakeTimeProvider(Now));

        var halted = await source.ListHaltedAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Now - RolloutHaltedAlertSource.RecentlyRolledBack, reader.Since);
        Assert.Equal(
            [("r1", "cam@2.0.0", "failure ratio 0.2 > 0.1", Now.AddMinutes(-5)), ("r2", "cam@2.1.0", "RollingBack", Now)],
            halted.Select(h => (h.RolloutId, h.Release, h.Reason, h.HaltedAt)));
    }

    private sealed class RecordingReader(IReadOnlyList<HaltedRollout> rollouts) : IRolloutStatusReader
    {
        public DateTimeOffset? Since { get; private set; }

        public Task<IReadOnlyList<HaltedRollout>> HaltedAsync(DateTimeOffset since, CancellationToken cancellationToken)
        {
            Since = since;
            return Task.FromResult(rollouts);
        }
    }
}
