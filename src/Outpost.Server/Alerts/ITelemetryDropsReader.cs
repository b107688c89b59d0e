namespace Outpost.Server.Alerts;

/// <summary>Outbox drops devices reported, for the outbox-dropping rule. Implemented by telemetry ingest (Telemetry/).</summary>
internal interface ITelemetryDropsReader
{
    /// <summary>Every (device, channel) whose cumulative drop count went up at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<TelemetryDrops>> ListIncreasedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
