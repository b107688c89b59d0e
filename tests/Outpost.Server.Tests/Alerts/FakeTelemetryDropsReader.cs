using Outpost.Server.Alerts;

namespace Outpost.Server.Tests.Alerts;

internal sealed class FakeTelemetryDropsReader : ITelemetryDropsReader
{
    public List<TelemetryDrops> Drops { get; } = [];

    public Task<IReadOnlyList<TelemetryDrops>> ListIncreasedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TelemetryDrops>>([.. Drops.Where(d => d.LastIncreasedAt >= since)]);
}
