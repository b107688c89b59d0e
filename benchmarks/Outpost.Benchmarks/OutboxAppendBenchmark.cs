using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol.Telemetry;

namespace Outpost.Benchmarks;

/// <summary>
/// Outbox appends per record against the ceiling: raw SQLite inserting the same bodies into the same schema with a
/// prepared statement, one transaction per batch, same pragmas (WAL, synchronous=FULL). The Ratio column is the
/// outbox's cost relative to that ceiling (goal: batched append ≥ 80% of the ceiling's rate, i.e. Ratio ≤ 1.25).
/// Single appends are one transaction (one fsync) each, so they measure the disk's fsync rate, not the outbox.
/// </summary>
[Config(typeof(InProcessShortConfig))]
public class OutboxAppendBenchmark
{
    private const int Batch = 1000;
    private const int Singles = 50;
    private string _folder = null!;
    private TelemetryOutbox _outbox = null!;
    private SqliteConnection _raw = null!;
    private SqliteCommand _insert = null!;
    private List<OutboxEntry> _entries = null!;
    private byte[][] _bodies = null!;
    private long _rawSequence;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("outbox-bench-").FullName;
        var unlimited = new ChannelQuota { MaxBytes = long.MaxValue / 4 };
        _outbox = new TelemetryOutbox(Path.Combine(_folder, "outbox.db"), new OutboxOptions { MaxBytes = long.MaxValue, Events = unlimited, Metrics = unlimited, Logs = unlimited }, TimeProvider.System);
        _entries = Enumerable.Range(0, Batch).Select(i => new OutboxEntry(
            DateTimeOffset.UtcNow, "inference_fps", Value: new MetricAggregate { Count = 6, Min = 28.5, Max = 30.1, Mean = 29.4 + (i % 7 / 10.0), P95 = 30.0, WindowSeconds = 60 },
            Attributes: new Dictionary<string, string> { ["process"] = "infer" })).ToList();
        _bodies = _entries.Select(RecordBody.Serialize).ToArray();

        _raw = new SqliteConnection($"Data Source={Path.Combine(_folder, "raw.db")};Pooling=False");
        _raw.Open();
        using (var setup = _raw.CreateCommand())
        {
            setup.CommandText = OutboxSchema.Pragmas + OutboxSchema.Create;
            setup.ExecuteNonQuery();
        }

        _insert = _raw.CreateCommand();
        _insert.CommandText = "INSERT INTO records (channel, sequence, enqueued, body) VALUES (1, $s, $e, $b)";
        _insert.Parameters.Add("$s", SqliteType.Integer);
        _insert.Parameters.Add("$e", SqliteType.Integer);
        _insert.Parameters.Add("$b", SqliteType.Blob);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch, Description = "raw SQLite batched insert (ceiling)")]
    public void RawBatchedInsert()
    {
        using var tx = _raw.BeginTransaction();
        _insert.Transaction = tx;
        foreach (var body in _bodies)
        {
            _insert.Parameters[0].Value = ++_rawSequence;
            _insert.Parameters[1].Value = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            _insert.Parameters[2].Value = body;
            _insert.ExecuteNonQuery();
        }

        tx.Commit();
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "outbox append, batched (1000)")]
    public long AppendBatched() => _outbox.Append(TelemetryChannel.Metrics, _entries);

    [Benchmark(OperationsPerInvoke = Singles, Description = "outbox append, single")]
    public long AppendSingle()
    {
        long last = 0;
        for (var i = 0; i < Singles; i++)
        {
            last = _outbox.Append(TelemetryChannel.Events, _entries[i]);
        }

        return last;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _insert.Dispose();
        _raw.Dispose();
        _outbox.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
