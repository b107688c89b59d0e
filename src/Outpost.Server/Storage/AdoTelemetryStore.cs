using System.Data.Common;
using System.Globalization;
using System.Text;
using Outpost.Protocol.Telemetry;

namespace Outpost.Server.Storage;

/// <summary>Telemetry over ADO.NET, one implementation for SQLite and PostgreSQL. This part: ingest.</summary>
internal sealed partial class AdoTelemetryStore(StoreDatabase database) : ITelemetryStore
{
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

    private static readonly RowWriter<TelemetryRecord> Entries = new(
        "INSERT INTO telemetry_entries (device_id, channel, sequence, at, received_at, name, level, message, attributes_json) VALUES ",
        "(@device, @channel, @s#, @a#, @received, @n#, @l#, @m#, @j#)", "",
        ["@s", "@a", "@n", "@l", "@m", "@j"],
        (r, v) =>
        {
            v[0] = r.Sequence;
            v[1] = r.At;
            v[2] = r.Name;
            v[3] = r.Level;
            v[4] = r.Message;
            v[5] = r.Attributes is { Count: > 0 } ? TelemetryAttributes.ToJson(r.Attributes) : null;
        });

    private static readonly RowWriter<TelemetryRecord> Windows = new(
        "INSERT INTO metric_windows (device_id, name, attributes_json, resolution, window_end, count, min_value, max_value, mean_value, p95_value) VALUES ",
        "(@device, @n#, @j#, 0, @e#, @c#, @lo#, @hi#, @mean#, @p#)", "",
        ["@n", "@j", "@e", "@c", "@lo", "@hi", "@mean", "@p"],
        (r, v) => Window(v, r.Name, TelemetryAttributes.ToJson(r.Attributes), r.At, r.Value!));

    // A late upload of older windows must not replace a newer latest value.
    private static readonly RowWriter<(string Name, string Attributes, TelemetryRecord Record)> Latest = new(
        "INSERT INTO metric_latest (device_id, name, attributes_json, window_end, count, min_value, max_value, mean_value, p95_value) VALUES ",
        "(@device, @n#, @j#, @e#, @c#, @lo#, @hi#, @mean#, @p#)",
        " ON CONFLICT (device_id, name, attributes_json) DO UPDATE SET window_end = excluded.window_end, " +
        "count = excluded.count, min_value = excluded.min_value, max_value = excluded.max_value, " +
        "mean_value = excluded.mean_value, p95_value = excluded.p95_value " +
        "WHERE excluded.window_end >= metric_latest.window_end",
        ["@n", "@j", "@e", "@c", "@lo", "@hi", "@mean", "@p"],
        (x, v) => Window(v, x.Name, x.Attributes, x.Record.At, x.Record.Value!));

    private Task InsertEntriesAsync(
        DbConnection connection, DbTransaction transaction, string deviceId, string channel, List<TelemetryRecord> records,
        DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        Entries.WriteAsync(connection, transaction, database.Dialect, [("@device", deviceId), ("@channel", channel), ("@received", receivedAt)],
            records, cancellationToken);

    private Task InsertWindowsAsync(
        DbConnection connection, DbTransaction transaction, string deviceId, List<TelemetryRecord> records, CancellationToken cancellationToken) =>
        Windows.WriteAsync(connection, transaction, database.Dialect, [("@device", deviceId)], records, cancellationToken);

    private Task UpsertLatestAsync(
        DbConnection connection, DbTransaction transaction, string deviceId, List<TelemetryRecord> records, CancellationToken cancellationToken)
    {
        // One row per series: a statement may not update the same conflict key twice (PostgreSQL refuses).
        var newest = records
            .GroupBy(r => (r.Name, Attributes: TelemetryAttributes.ToJson(r.Attributes)))
            .Select(g => (g.Key.Name, g.Key.Attributes, Record: g.MaxBy(r => r.At)!))
            .ToList();
        return Latest.WriteAsync(connection, transaction, database.Dialect, [("@device", deviceId)], newest, cancellationToken);
    }

    private static void Window(object?[] v, string name, string attributesJson, DateTimeOffset end, MetricAggregate value)
    {
        v[0] = name;
        v[1] = attributesJson;
        v[2] = end;
        v[3] = value.Count;
        v[4] = value.Min;
        v[5] = value.Max;
        v[6] = value.Mean;
        v[7] = value.P95;
    }
}
