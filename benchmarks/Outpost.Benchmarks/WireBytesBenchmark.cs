using System.Buffers;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Agent.Telemetry.Upload;
using Outpost.Protocol.Telemetry;

namespace Outpost.Benchmarks;

/// <summary>
/// Bytes on the wire per metric aggregate: a gzip TelemetryBatch of N aggregates of the agent's system metrics (one
/// minute of a device), as the uploader sends it. Printed at setup (BytesPerRecord); the timed part is the
/// batch build and compression cost.
/// </summary>
[Config(typeof(InProcessShortConfig))]
public class WireBytesBenchmark
{
    private static readonly string[] Names =
    [
        "system_cpu_usage_ratio", "system_memory_used_bytes", "system_memory_total_bytes", "system_swap_used_bytes",
        "system_swap_in_pages_per_second", "system_swap_out_pages_per_second", "system_disk_read_bytes_per_second",
        "system_disk_write_bytes_per_second", "system_network_receive_bytes_per_second", "system_network_transmit_bytes_per_second",
        "system_network_errors_per_second", "system_temperature_celsius", "system_uptime_seconds", "agent_memory_rss_bytes",
        "inference_fps", "inference_latency_ms",
    ];

    private OutboxBatch _batch = null!;

    [Params(16, 500, 5000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var start = DateTimeOffset.Parse("2026-11-29T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var rows = Enumerable.Range(0, Records).Select(i =>
        {
            var mean = random.NextDouble() * 1000;
            var entry = new OutboxEntry(start.AddMinutes(i / Names.Length), Names[i % Names.Length], Value: new MetricAggregate
            {
                Count = 6, Min = Math.Round(mean * 0.9, 3), Max = Math.Round(mean * 1.1, 3), Mean = Math.Round(mean, 3), P95 = Math.Round(mean * 1.08, 3), WindowSeconds = 60,
            });
            return new OutboxBatch.Row(i + 1, RecordBody.Serialize(entry));
        }).ToList();
        _batch = new OutboxBatch(TelemetryChannel.Metrics, rows, null);
        var json = new ArrayBufferWriter<byte>();
        TelemetryBatchWriter.Write(json, _batch);
        var gzip = Compress();
        Console.WriteLine($"// wire: {Records} aggregates: {json.WrittenCount} bytes JSON, {gzip} bytes gzip, {(double)gzip / Records:F1} bytes per aggregate");
    }

    [Benchmark]
    public int Compress()
    {
        var json = new ArrayBufferWriter<byte>();
        TelemetryBatchWriter.Write(json, _batch);
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json.WrittenSpan);
        }

        return (int)output.Length;
    }
}
