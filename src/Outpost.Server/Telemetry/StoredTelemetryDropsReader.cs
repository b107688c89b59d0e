using Outpost.Server.Alerts;
using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

/// <summary>The outbox-dropping alert's view of telemetry_streams: streams whose cumulative drops went up recently.</summary>
internal sealed class StoredTelemetryDropsReader(StoreDatabase database) : ITelemetryDropsReader
{
    public async Task<IReadOnlyList<TelemetryDrops>> ListIncreasedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT device_id, channel, dropped_records, dropped_bytes, drops_increased_at FROM telemetry_streams " +
            "WHERE drops_increased_at IS NOT NULL AND drops_increased_at >= @since ORDER BY device_id, channel;").With("@since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var drops = new List<TelemetryDrops>();
        while (await reader.ReadAsync(cancellationToken))
        {
            drops.Add(new TelemetryDrops(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetTime(4)));
        }

        return drops;
    }
}
