using System.Data.Common;
using System.Globalization;

namespace Outpost.Server.Storage;

/// <summary>Downsampling and retention: raw metric windows → 5-minute → 1-hour rollups; events and logs by age and count.</summary>
internal sealed partial class AdoTelemetryStore
{
    private const long FiveMinutesMs = 5 * 60 * 1000;
    private const long HourMs = 60 * 60 * 1000;

    public async Task<RetentionResult> CompactAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        long rolled = 0, deleted = 0, entries = 0;

        // Cut-offs are aligned to the target bucket, so every window of a bucket is rolled up in the same pass (only a
        // window uploaded after its bucket was rolled up makes a second row for that bucket; sums and means stay right).
        rolled += await RollUpAsync(connection, 0, 300, FiveMinutesMs, Floor(nowMs - Ms(policy.RawMetricRetention), FiveMinutesMs), cancellationToken);
        rolled += await RollUpAsync(connection, 300, 3600, HourMs, Floor(nowMs - Ms(policy.FiveMinuteMetricRetention), HourMs), cancellationToken);
        await using (var expire = connection.Sql("DELETE FROM metric_windows WHERE resolution = 3600 AND window_end < @cutoff;")
            .With("@cutoff", nowMs - Ms(policy.HourMetricRetention)))
        {
            deleted += await expire.ExecuteNonQueryAsync(cancellationToken);
        }

        entries += await ExpireEntriesAsync(connection, "events", nowMs - Ms(policy.EventRetention), policy.MaxEventsPerDevice, cancellationToken);
        entries += await ExpireEntriesAsync(connection, "logs", nowMs - Ms(policy.LogRetention), policy.MaxLogsPerDevice, cancellationToken);
        return new RetentionResult(rolled, deleted, entries);
    }

    private static async Task<long> RollUpAsync(
        DbConnection connection, int from, int to, long bucketMs, long cutoffMs, CancellationToken cancellationToken)
    {
        var bucket = string.Create(CultureInfo.InvariantCulture, $"((window_end - 1) / {bucketMs} + 1) * {bucketMs}");
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // p95 of a rollup is the highest p95 of its windows: percentiles do not combine exactly, so err on the high side.
        await using (var insert = connection.Sql(
            "INSERT INTO metric_windows (device_id, name, attributes_json, resolution, window_end, count, min_value, max_value, mean_value, p95_value) " +
            $"SELECT device_id, name, attributes_json, {to}, {bucket}, CAST(SUM(count) AS BIGINT), MIN(min_value), MAX(max_value), " +
            "SUM(mean_value * count) / SUM(CAST(count AS DOUBLE PRECISION)), MAX(p95_value) " +
            $"FROM metric_windows WHERE resolution = {from} AND window_end <= @cutoff GROUP BY device_id, name, attributes_json, {bucket};",
            transaction).With("@cutoff", cutoffMs))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        long removed;
        await using (var delete = connection.Sql(
            $"DELETE FROM metric_windows WHERE resolution = {from} AND window_end <= @cutoff;", transaction).With("@cutoff", cutoffMs))
        {
            removed = await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }

    private static async Task<long> ExpireEntriesAsync(
        DbConnection connection, string channel, long cutoffMs, int maxPerDevice, CancellationToken cancellationToken)
    {
        long deleted;
        await using (var old = connection.Sql("DELETE FROM telemetry_entries WHERE channel = @channel AND received_at < @cutoff;")
            .With("@channel", channel).With("@cutoff", cutoffMs))
        {
            deleted = await old.ExecuteNonQueryAsync(cancellationToken);
        }

        List<string> devices;
        await using (var list = connection.Sql(
            "SELECT device_id FROM telemetry_streams WHERE channel = @channel AND records_stored > @max ORDER BY device_id;")
            .With("@channel", channel).With("@max", (long)maxPerDevice))
        {
            devices = await list.ReadAllAsync(r => r.GetString(0), cancellationToken);
        }

        // Only streams that ever stored more than the quota can be over it; the index on (device, channel, sequence)
        // makes each trim a range delete.
        await using var trim = connection.Sql(
            "DELETE FROM telemetry_entries WHERE device_id = @device AND channel = @channel AND sequence <= " +
            "(SELECT sequence FROM telemetry_entries WHERE device_id = @device AND channel = @channel ORDER BY sequence DESC LIMIT 1 OFFSET @max);")
            .With("@device", "").With("@channel", channel).With("@max", (long)maxPerDevice);
        foreach (var device in devices)
        {
            trim.Parameters["@device"].Value = device;
            deleted += await trim.ExecuteNonQueryAsync(cancellationToken);
        }

        return deleted;
    }

    private static long Floor(long ms, long bucket) => ms < 0 ? 0 : ms / bucket * bucket;

    private static long Ms(TimeSpan span) => (long)span.TotalMilliseconds;
}
