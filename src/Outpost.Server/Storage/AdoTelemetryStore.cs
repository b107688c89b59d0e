using System.Data.Common;
using System.Globalization;
using System.Text;
using Outpost.Protocol.Telemetry;

namespace Outpost.Server.Storage;

/// <summary>Telemetry over ADO.NET, one implementation for SQLite and PostgreSQL. This part: ingest.</summary>
internal sealed partial class AdoTelemetryStore(StoreDatabase database) : ITelemetryStore
{
    // Multi-row INSERTs: a few hundred rows per statement keeps both providers far below their parameter limits
    // (SQLite 32,766, PostgreSQL 65,535) while cutting round trips by that factor.
    private const int RowsPerStatement = 200;

    // SQLite has one writer at a time, and Microsoft.Data.Sqlite waits out SQLITE_BUSY by sleeping between retries:
    // concurrent uploads queue here instead, in order and without the sleeps. PostgreSQL writers run in parallel.
    private readonly SemaphoreSlim? sqliteWriter = database.Dialect is SqliteDialect ? new SemaphoreSlim(1, 1) : null;

    public async Task<TelemetryIngestResult> IngestAsync(
        string deviceId, TelemetryBatch batch, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (sqliteWriter is null)
        {
            return await IngestCoreAsync(deviceId, batch, receivedAt, cancellationToken);
        }

        await sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            return await IngestCoreAsync(deviceId, batch, receivedAt, cancellationToken);
        }
        finally
        {
            sqliteWriter.Release();
        }
    }

    private async Task<TelemetryIngestResult> IngestCoreAsync(
        string deviceId, TelemetryBatch batch, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var channel = TelemetryChannels.ToColumn(batch.Stream);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var storedThrough = await LockStreamAsync(connection, transaction, deviceId, channel, receivedAt, cancellationToken);

        // Records arrive in strictly increasing order (validated), so the new ones are a suffix of the batch.
        var fresh = batch.Records.Where(r => r.Sequence > storedThrough).ToList();
        if (fresh.Count > 0)
        {
            if (batch.Stream == TelemetryChannel.Metrics)
            {
                await InsertWindowsAsync(connection, transaction, deviceId, fresh, cancellationToken);
                await UpsertLatestAsync(connection, transaction, deviceId, fresh, cancellationToken);
            }
            else
            {
                await InsertEntriesAsync(connection, transaction, deviceId, channel, fresh, receivedAt, cancellationToken);
            }

            storedThrough = fresh[^1].Sequence;
        }

        var duplicates = batch.Records.Count - fresh.Count;
        var sql = new StringBuilder(
            "UPDATE telemetry_streams SET stored_through = @max, records_stored = records_stored + @stored, " +
            "duplicates = duplicates + @duplicates, updated_at = @now");
        if (batch.Drops is not null)
        {
            sql.Append(", dropped_records = @droppedRecords, dropped_bytes = @droppedBytes, " +
                "drops_increased_at = CASE WHEN @droppedRecords > dropped_records THEN @now ELSE drops_increased_at END");
        }

        await using (var update = connection.Sql(sql.Append(" WHERE device_id = @device AND channel = @channel;").ToString(), transaction))
        {
            update.With("@max", storedThrough).With("@stored", (long)fresh.Count).With("@duplicates", (long)duplicates)
                .With("@now", receivedAt).With("@device", deviceId).With("@channel", channel);
            if (batch.Drops is not null)
            {
                update.With("@droppedRecords", batch.Drops.Records).With("@droppedBytes", batch.Drops.Bytes);
            }

            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new TelemetryIngestResult(storedThrough, fresh.Count, duplicates);
    }

    // A no-op UPDATE takes PostgreSQL's row lock, so two batches of one stream (a retry racing the original) run one
    // after the other and the second sees the first one's maximum. SQLite write transactions exclude each other anyway.
    private static async Task<long> LockStreamAsync(
        DbConnection connection, DbTransaction transaction, string deviceId, string channel, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string lockSql =
            "UPDATE telemetry_streams SET updated_at = updated_at WHERE device_id = @device AND channel = @channel RETURNING stored_through;";
        await using (var first = connection.Sql(lockSql, transaction).With("@device", deviceId).With("@channel", channel))
        {
            if (await first.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull)
            {
                return Convert.ToInt64(value, CultureInfo.InvariantCulture);
            }
        }

        await using (var insert = connection.Sql(
            "INSERT INTO telemetry_streams (device_id, channel, stored_through, dropped_records, dropped_bytes, records_stored, duplicates, updated_at) " +
            "VALUES (@device, @channel, 0, 0, 0, 0, 0, @now) ON CONFLICT (device_id, channel) DO NOTHING;", transaction)
            .With("@device", deviceId).With("@channel", channel).With("@now", now))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var second = connection.Sql(lockSql, transaction).With("@device", deviceId).With("@channel", channel);
        return Convert.ToInt64(await second.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static async Task InsertEntriesAsync(
        DbConnection connection, DbTransaction transaction, string deviceId, string channel, List<TelemetryRecord> records,
        DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        foreach (var chunk in records.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder(
                "INSERT INTO telemetry_entries (device_id, channel, sequence, at, received_at, name, level, message, attributes_json) VALUES ");
            await using var command = connection.Sql("", transaction).With("@device", deviceId).With("@channel", channel).With("@received", receivedAt);
            for (var i = 0; i < chunk.Length; i++)
            {
                var r = chunk[i];
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"(@device, @channel, @s{i}, @a{i}, @received, @n{i}, @l{i}, @m{i}, @j{i})");
                command.With($"@s{i}", r.Sequence).With($"@a{i}", r.At).With($"@n{i}", r.Name).With($"@l{i}", r.Level)
                    .With($"@m{i}", r.Message)
                    .With($"@j{i}", r.Attributes is { Count: > 0 } ? TelemetryAttributes.ToJson(r.Attributes) : null);
            }

            command.CommandText = sql.Append(';').ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task InsertWindowsAsync(
        DbConnection connection, DbTransaction transaction, string deviceId, List<TelemetryRecord> records, CancellationToken cancellationToken)
    {
        foreach (var chunk in records.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder(
                "INSERT INTO metric_windows (device_id, name, attributes_json, resolution, window_end, count, min_value, max_value, mean_value, p95_value) VALUES ");
            await using var command = connection.Sql("", transaction).With("@device", deviceId);
            for (var i = 0; i < chunk.Length; i++)
            {
                var r = chunk[i];
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"(@device, @n{i}, @j{i}, 0, @e{i}, @c{i}, @lo{i}, @hi{i}, @mean{i}, @p{i})");
                AddWindow(command, i, r.Name, TelemetryAttributes.ToJson(r.Attributes), r.At, r.Value!);
            }

            command.CommandText = sql.Append(';').ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task UpsertLatestAsync(
        DbConnection connection, DbTransaction transaction, string deviceId, List<TelemetryRecord> records, CancellationToken cancellationToken)
    {
        // One row per series: a statement may not update the same conflict key twice (PostgreSQL refuses).
        var newest = records
            .GroupBy(r => (r.Name, Attributes: TelemetryAttributes.ToJson(r.Attributes)))
            .Select(g => (g.Key.Name, g.Key.Attributes, Record: g.MaxBy(r => r.At)!))
            .ToList();
        foreach (var chunk in newest.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder(
                "INSERT INTO metric_latest (device_id, name, attributes_json, window_end, count, min_value, max_value, mean_value, p95_value) VALUES ");
            await using var command = connection.Sql("", transaction).With("@device", deviceId);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"(@device, @n{i}, @j{i}, @e{i}, @c{i}, @lo{i}, @hi{i}, @mean{i}, @p{i})");
                AddWindow(command, i, chunk[i].Name, chunk[i].Attributes, chunk[i].Record.At, chunk[i].Record.Value!);
            }

            // A late upload of older windows must not replace a newer latest value.
            sql.Append(" ON CONFLICT (device_id, name, attributes_json) DO UPDATE SET window_end = excluded.window_end, ")
                .Append("count = excluded.count, min_value = excluded.min_value, max_value = excluded.max_value, ")
                .Append("mean_value = excluded.mean_value, p95_value = excluded.p95_value ")
                .Append("WHERE excluded.window_end >= metric_latest.window_end;");
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void AddWindow(DbCommand command, int i, string name, string attributesJson, DateTimeOffset end, MetricAggregate value) =>
        command.With($"@n{i}", name).With($"@j{i}", attributesJson).With($"@e{i}", end).With($"@c{i}", value.Count)
            .With($"@lo{i}", value.Min).With($"@hi{i}", value.Max).With($"@mean{i}", value.Mean).With($"@p{i}", value.P95);
}
