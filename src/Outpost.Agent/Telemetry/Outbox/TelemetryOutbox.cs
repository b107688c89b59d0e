using System.Globalization;
using Microsoft.Data.Sqlite;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Outbox;

/// <summary>
/// The device's durable telemetry outbox (SQLite in WAL mode, synchronous=FULL; see <see cref="OutboxSchema"/>).
/// Every method is one transaction: an append that returned survives a power cut, its sequence numbers are never
/// issued again, and quotas are enforced in the same transaction that would exceed them — dropping the oldest
/// records, lowest priority first, and counting every drop (docs/telemetry-agent.md).
/// </summary>
internal sealed partial class TelemetryOutbox : IDisposable
{
    /// <summary>Upload order: events first.</summary>
    public static IReadOnlyList<TelemetryChannel> PriorityOrder { get; } = [TelemetryChannel.Events, TelemetryChannel.Metrics, TelemetryChannel.Logs];

    private static readonly TelemetryChannel[] DropOrder = [TelemetryChannel.Logs, TelemetryChannel.Metrics, TelemetryChannel.Events];

    private readonly SqliteConnection _db;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly ChannelState[] _state = new ChannelState[3];
    private readonly SqliteCommand _insert;

    public TelemetryOutbox(string path, OutboxOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Execute(OutboxSchema.Pragmas);
        Execute(OutboxSchema.Create);
        Load();
        _insert = _db.CreateCommand();
        _insert.CommandText = "INSERT INTO records (channel, sequence, enqueued, body) VALUES ($c, $s, $e, $b)";
        _insert.Parameters.Add("$c", SqliteType.Integer);
        _insert.Parameters.Add("$s", SqliteType.Integer);
        _insert.Parameters.Add("$e", SqliteType.Integer);
        _insert.Parameters.Add("$b", SqliteType.Blob);
    }

    public string Path => _db.DataSource;

    /// <summary>Appends one record; returns its sequence.</summary>
    public long Append(TelemetryChannel channel, OutboxEntry entry) => Append(channel, [entry]);

    /// <summary>Appends records in one transaction (one fsync); returns the last sequence.</summary>
    public long Append(TelemetryChannel channel, IReadOnlyList<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return 0;
        }

        var bodies = new byte[entries.Count][];
        for (var i = 0; i < bodies.Length; i++)
        {
            bodies[i] = RecordBody.Serialize(entries[i]);
        }

        return InTransaction((tx, state) => AppendCore(tx, state, channel, bodies));
    }

    /// <summary>The oldest records of a channel, at most <paramref name="maxRecords"/> and (unless one record alone is larger) <paramref name="maxBytes"/> of body.</summary>
    public OutboxBatch? Read(TelemetryChannel channel, int maxRecords, long maxBytes)
    {
        lock (_gate)
        {
            using var select = Command(null, "SELECT sequence, body FROM records WHERE channel = $c ORDER BY sequence LIMIT $n", channel);
            select.Parameters.AddWithValue("$n", maxRecords);
            var rows = new List<OutboxBatch.Row>();
            long bytes = 0;
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    var body = (byte[])reader.GetValue(1);
                    if (rows.Count > 0 && bytes + body.Length > maxBytes)
                    {
                        break;
                    }

                    bytes += body.Length;
                    rows.Add(new OutboxBatch.Row(reader.GetInt64(0), body));
                }
            }

            var state = _state[(int)channel];
            var drops = state.DroppedRecords > 0 ? new StreamDrops { Records = state.DroppedRecords, Bytes = state.DroppedBytes } : null;
            return rows.Count == 0 ? null : new OutboxBatch(channel, rows, drops);
        }
    }

    /// <summary>
    /// The server stored every record of the channel up to <paramref name="storedThrough"/>: delete them. If the server
    /// knows a sequence this outbox never issued, the outbox was reset (file deleted, device re-imaged) and the server
    /// would discard everything pending as duplicates; the pending rows are renumbered past it instead.
    /// </summary>
    public OutboxAcknowledgement Acknowledge(TelemetryChannel channel, long storedThrough)
    {
        if (storedThrough <= 0)
        {
            return new OutboxAcknowledgement(0, 0);
        }

        return InTransaction((tx, state) =>
        {
            ref var s = ref state[(int)channel];
            if (storedThrough >= s.NextSequence)
            {
                var offset = Renumber(tx, channel, storedThrough + 1);
                s.NextSequence = s.Records == 0 ? storedThrough + 1 : s.NextSequence + offset;
                return new OutboxAcknowledgement(0, s.Records);
            }

            var (count, bytes) = CountAndDelete(tx, channel, "sequence <= $x", storedThrough);
            s.Records -= count;
            s.Bytes -= bytes;
            return new OutboxAcknowledgement(count, 0);
        });
    }

    /// <summary>Deletes one record the server refuses for good (a poison record), counted as a drop.</summary>
    public void DropRecord(TelemetryChannel channel, long sequence) => InTransaction((tx, state) =>
    {
        var (count, bytes) = CountAndDelete(tx, channel, "sequence = $x", sequence);
        CountDrop(ref state[(int)channel], count, bytes);
        return 0;
    });

    /// <summary>Drops records older than their channel's time to live (counted).</summary>
    public long Expire() => InTransaction((tx, state) =>
    {
        long total = 0;
        var now = _time.GetUtcNow();
        foreach (var channel in PriorityOrder)
        {
            var ttl = _options.For(channel).TimeToLive;
            if (ttl > TimeSpan.Zero && state[(int)channel].Records > 0)
            {
                var cutoff = (now - ttl).ToUnixTimeMilliseconds();
                var (count, bytes) = CountAndDelete(tx, channel, "enqueued < $x", cutoff);
                CountDrop(ref state[(int)channel], count, bytes);
                total += count;
            }
        }

        return total;
    });

    /// <summary>
    /// Appends one <c>outbox.dropped</c> event per channel that dropped records since the last report, with the
    /// new and the cumulative counts; returns how many events it appended.
    /// </summary>
    public int ReportDrops() => InTransaction((tx, state) =>
    {
        var bodies = new List<byte[]>();
        var now = _time.GetUtcNow();
        foreach (var channel in PriorityOrder)
        {
            ref var s = ref state[(int)channel];
            if (s.DroppedRecords > s.ReportedRecords)
            {
                bodies.Add(RecordBody.Serialize(DropEvent(channel, s, now)));
                s.ReportedRecords = s.DroppedRecords;
                s.ReportedBytes = s.DroppedBytes;
            }
        }

        if (bodies.Count > 0)
        {
            AppendCore(tx, state, TelemetryChannel.Events, bodies);
        }

        return bodies.Count;
    });

    public ChannelState Stats(TelemetryChannel channel)
    {
        lock (_gate)
        {
            return _state[(int)channel];
        }
    }

    public void Dispose()
    {
        _insert.Dispose();
        _db.Dispose();
    }

    private static OutboxEntry DropEvent(TelemetryChannel channel, ChannelState s, DateTimeOffset now)
    {
        var records = s.DroppedRecords - s.ReportedRecords;
        var bytes = s.DroppedBytes - s.ReportedBytes;
        var name = channel.ToString().ToLowerInvariant();
        return new OutboxEntry(
            now, "outbox.dropped", "warning",
            string.Create(CultureInfo.InvariantCulture, $"the outbox dropped {records} {name} records ({bytes} bytes) to stay within its quota or time to live"),
            Attributes: new Dictionary<string, string>
            {
                ["channel"] = name,
                ["records"] = records.ToString(CultureInfo.InvariantCulture),
                ["bytes"] = bytes.ToString(CultureInfo.InvariantCulture),
                ["totalRecords"] = s.DroppedRecords.ToString(CultureInfo.InvariantCulture),
                ["totalBytes"] = s.DroppedBytes.ToString(CultureInfo.InvariantCulture),
            });
    }

    private static void CountDrop(ref ChannelState state, long count, long bytes)
    {
        state.Records -= count;
        state.Bytes -= bytes;
        state.DroppedRecords += count;
        state.DroppedBytes += bytes;
    }
}
