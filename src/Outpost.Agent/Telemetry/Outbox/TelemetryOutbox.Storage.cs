using Microsoft.Data.Sqlite;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>The SQL side of <see cref="TelemetryOutbox"/>: transactions, quota enforcement, counters.</summary>
internal sealed partial class TelemetryOutbox
{
    // Work on a copy of the counters; they replace the live ones only after the commit, so a failed transaction
    // leaves memory and disk in agreement.
    private T InTransaction<T>(Func<SqliteTransaction, ChannelState[], T> work)
    {
        lock (_gate)
        {
            var state = (ChannelState[])_state.Clone();
            using var tx = _db.BeginTransaction();
            var result = work(tx, state);
            for (var c = 0; c < state.Length; c++)
            {
                if (state[c] != _state[c])
                {
                    SaveCounters(tx, c, state[c]);
                }
            }

            tx.Commit();
            state.CopyTo(_state, 0);
            return result;
        }
    }

    private long AppendCore(SqliteTransaction tx, ChannelState[] state, TelemetryChannel channel, IReadOnlyList<byte[]> bodies)
    {
        ref var s = ref state[(int)channel];
        var enqueued = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _insert.Transaction = tx;
        _insert.Parameters[0].Value = (int)channel;
        _insert.Parameters[2].Value = enqueued;
        foreach (var body in bodies)
        {
            _insert.Parameters[1].Value = s.NextSequence;
            _insert.Parameters[3].Value = body;
            _insert.ExecuteNonQuery();
            s.NextSequence++;
            s.Records++;
            s.Bytes += body.Length;
        }

        var last = s.NextSequence - 1;
        EnforceQuotas(tx, state, channel);
        return last;
    }

    private void EnforceQuotas(SqliteTransaction tx, ChannelState[] state, TelemetryChannel channel)
    {
        var quota = _options.For(channel).MaxBytes;
        while (state[(int)channel].Bytes > quota && state[(int)channel].Records > 0)
        {
            DropOldest(tx, state, channel, state[(int)channel].Bytes - quota);
        }

        while (Total(state) > _options.MaxBytes)
        {
            var victim = Array.Find(DropOrder, c => state[(int)c].Records > 0);
            DropOldest(tx, state, victim, Total(state) - _options.MaxBytes);
        }
    }

    private void DropOldest(SqliteTransaction tx, ChannelState[] state, TelemetryChannel channel, long bytesToFree)
    {
        using var select = Command(tx, "SELECT sequence, length(body) FROM records WHERE channel = $c ORDER BY sequence LIMIT 4096", channel);
        long freed = 0, count = 0, through = 0;
        using (var reader = select.ExecuteReader())
        {
            while (freed < bytesToFree && reader.Read())
            {
                through = reader.GetInt64(0);
                freed += reader.GetInt64(1);
                count++;
            }
        }

        using var delete = Command(tx, "DELETE FROM records WHERE channel = $c AND sequence <= $x", channel);
        delete.Parameters.AddWithValue("$x", through);
        delete.ExecuteNonQuery();
        CountDrop(ref state[(int)channel], count, freed);
    }

    private (long Count, long Bytes) CountAndDelete(SqliteTransaction tx, TelemetryChannel channel, string condition, long x)
    {
        using var count = Command(tx, $"SELECT COUNT(*), COALESCE(SUM(length(body)), 0) FROM records WHERE channel = $c AND {condition}", channel);
        count.Parameters.AddWithValue("$x", x);
        long records, bytes;
        using (var reader = count.ExecuteReader())
        {
            reader.Read();
            records = reader.GetInt64(0);
            bytes = reader.GetInt64(1);
        }

        if (records > 0)
        {
            using var delete = Command(tx, $"DELETE FROM records WHERE channel = $c AND {condition}", channel);
            delete.Parameters.AddWithValue("$x", x);
            delete.ExecuteNonQuery();
        }

        return (records, bytes);
    }

    // Shift every row of the channel so the oldest gets firstSequence; two passes through negative numbers because
    // SQLite checks the key row by row and a shift in place would collide with rows not yet moved.
    private long Renumber(SqliteTransaction tx, TelemetryChannel channel, long firstSequence)
    {
        using var min = Command(tx, "SELECT MIN(sequence) FROM records WHERE channel = $c", channel);
        if (min.ExecuteScalar() is not long oldest)
        {
            return 0;
        }

        var offset = firstSequence - oldest;
        using var negate = Command(tx, "UPDATE records SET sequence = -(sequence + $o) WHERE channel = $c", channel);
        negate.Parameters.AddWithValue("$o", offset);
        negate.ExecuteNonQuery();
        using var restore = Command(tx, "UPDATE records SET sequence = -sequence WHERE channel = $c AND sequence < 0", channel);
        restore.ExecuteNonQuery();
        return offset;
    }

    private void Load()
    {
        using (var channels = Command(null, "SELECT channel, next_sequence, dropped_records, dropped_bytes, reported_records, reported_bytes FROM channels", null))
        using (var reader = channels.ExecuteReader())
        {
            while (reader.Read())
            {
                var c = reader.GetInt32(0);
                if (c is >= 0 and < 3)
                {
                    _state[c] = new ChannelState(reader.GetInt64(1), 0, 0, reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5));
                }
            }
        }

        using var sizes = Command(null, "SELECT channel, COUNT(*), SUM(length(body)), MAX(sequence) FROM records GROUP BY channel", null);
        using var rows = sizes.ExecuteReader();
        while (rows.Read())
        {
            var c = rows.GetInt32(0);
            if (c is >= 0 and < 3)
            {
                // A counter behind its rows can only come from a damaged file; never issue a sequence twice.
                var next = Math.Max(_state[c].NextSequence, rows.GetInt64(3) + 1);
                _state[c] = _state[c] with { Records = rows.GetInt64(1), Bytes = rows.GetInt64(2), NextSequence = next };
            }
        }
    }

    private void SaveCounters(SqliteTransaction tx, int channel, ChannelState s)
    {
        using var update = Command(tx, """
            UPDATE channels SET next_sequence = $n, dropped_records = $dr, dropped_bytes = $db,
                                reported_records = $rr, reported_bytes = $rb WHERE channel = $c
            """, (TelemetryChannel)channel);
        update.Parameters.AddWithValue("$n", s.NextSequence);
        update.Parameters.AddWithValue("$dr", s.DroppedRecords);
        update.Parameters.AddWithValue("$db", s.DroppedBytes);
        update.Parameters.AddWithValue("$rr", s.ReportedRecords);
        update.Parameters.AddWithValue("$rb", s.ReportedBytes);
        update.ExecuteNonQuery();
    }

    private static long Total(ChannelState[] state) => state[0].Bytes + state[1].Bytes + state[2].Bytes;

    private SqliteCommand Command(SqliteTransaction? tx, string sql, TelemetryChannel? channel)
    {
        var command = _db.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        if (channel is { } c)
        {
            command.Parameters.AddWithValue("$c", (int)c);
        }

        return command;
    }

    private void Execute(string sql)
    {
        using var command = Command(null, sql, null);
        command.ExecuteNonQuery();
    }
}
