using System.Data.Common;
using System.Globalization;
using Outpost.Protocol.Telemetry;

namespace Outpost.Server.Storage;

/// <summary>Reads of the admin API, Prometheus and rollout gates.</summary>
internal sealed partial class AdoTelemetryStore
{
    private const string StreamColumns =
        "device_id, channel, stored_through, dropped_records, dropped_bytes, records_stored, duplicates, updated_at";

    private const string WindowColumns =
        "device_id, name, attributes_json, resolution, window_end, count, min_value, max_value, mean_value, p95_value";

    private const string LatestColumns =
        "device_id, name, attributes_json, 0, window_end, count, min_value, max_value, mean_value, p95_value";

    // Keeps IN lists well below the providers' parameter limits whatever the size of a rollout cohort.
    private const int IdsPerStatement = 500;

    public async Task<IReadOnlyList<TelemetryStreamState>> GetStreamsAsync(string deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {StreamColumns} FROM telemetry_streams WHERE device_id = @device ORDER BY channel;")
            .With("@device", deviceId);
        return await command.ReadAllAsync(ReadStream, cancellationToken);
    }

    public async Task<IReadOnlyList<TelemetryStreamState>> GetAllStreamsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql($"SELECT {StreamColumns} FROM telemetry_streams ORDER BY device_id, channel;");
        return await command.ReadAllAsync(ReadStream, cancellationToken);
    }

    public async Task<IReadOnlyList<TelemetryEntryRecord>> GetEntriesAsync(
        string deviceId, TelemetryChannel channel, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            "SELECT sequence, at, received_at, name, level, message, attributes_json FROM telemetry_entries " +
            "WHERE device_id = @device AND channel = @channel ORDER BY sequence DESC LIMIT @limit;")
            .With("@device", deviceId).With("@channel", TelemetryChannels.ToColumn(channel)).With("@limit", (long)limit);
        return await command.ReadAllAsync(
            r => new TelemetryEntryRecord(
                r.GetInt64(0), r.GetTime(1), r.GetTime(2), r.GetString(3), r.GetNullableString(4), r.GetNullableString(5), r.GetNullableString(6)),
            cancellationToken);
    }

    public async Task<IReadOnlyList<MetricWindowRecord>> GetSeriesAsync(
        string deviceId, string name, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Newest first with the limit, so a truncated answer keeps the recent end; returned oldest first.
        await using var command = connection.Sql(
            $"SELECT {WindowColumns} FROM metric_windows WHERE device_id = @device AND name = @name " +
            "AND window_end >= @from AND window_end < @to ORDER BY window_end DESC, attributes_json LIMIT @limit;")
            .With("@device", deviceId).With("@name", name).With("@from", from).With("@to", to).With("@limit", (long)limit);
        var rows = await command.ReadAllAsync(ReadWindow, cancellationToken);
        rows.Reverse();
        return rows;
    }

    public async Task<IReadOnlyList<MetricWindowRecord>> GetLatestAsync(string deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql(
            $"SELECT {LatestColumns} FROM metric_latest WHERE device_id = @device ORDER BY name, attributes_json;").With("@device", deviceId);
        return await command.ReadAllAsync(ReadWindow, cancellationToken);
    }

    public async Task<IReadOnlyList<MetricWindowRecord>> GetLatestForMetricsAsync(
        IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Sql("");
        command.CommandText = $"SELECT {LatestColumns} FROM metric_latest WHERE name IN ({InList(command, "@n", names)}) ORDER BY device_id, name, attributes_json;";
        return await command.ReadAllAsync(ReadWindow, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, double>> MeanByDeviceAsync(
        string name, IReadOnlyCollection<string> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (deviceIds.Count == 0 || to <= from)
        {
            return result;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var chunk in deviceIds.Distinct(StringComparer.Ordinal).Chunk(IdsPerStatement))
        {
            await using var command = connection.Sql("").With("@name", name).With("@from", from).With("@to", to);
            // Rollups keep the sample count and a count-weighted mean, so raw and downsampled windows weigh alike.
            command.CommandText =
                "SELECT device_id, SUM(mean_value * count), SUM(CAST(count AS DOUBLE PRECISION)) FROM metric_windows " +
                $"WHERE name = @name AND window_end >= @from AND window_end < @to AND device_id IN ({InList(command, "@d", chunk)}) " +
                "GROUP BY device_id;";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var count = reader.GetDouble(2);
                if (count > 0)
                {
                    result[reader.GetString(0)] = reader.GetDouble(1) / count;
                }
            }
        }

        return result;
    }

    private static string InList(DbCommand command, string prefix, IEnumerable<string> values) =>
        string.Join(", ", values.Select((value, i) =>
        {
            var parameter = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}");
            command.With(parameter, value);
            return parameter;
        }));

    private static TelemetryStreamState ReadStream(DbDataReader r) => new(
        r.GetString(0), TelemetryChannels.FromColumn(r.GetString(1)), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5),
        r.GetInt64(6), r.GetTime(7));

    private static MetricWindowRecord ReadWindow(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture), r.GetTime(4),
        r.GetInt64(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.IsDBNull(9) ? null : r.GetDouble(9));
}
