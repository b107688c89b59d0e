namespace Outpost.Server.Alerts;

/// <summary>Stand-in until telemetry ingest registers its <see cref="ITelemetryDropsReader"/>: nothing is ever dropped.</summary>
internal sealed class NoTelemetryDropsReader : ITelemetryDropsReader
{
    public Task<IReadOnlyList<TelemetryDrops>> ListIncreasedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TelemetryDrops>>([]);
}
