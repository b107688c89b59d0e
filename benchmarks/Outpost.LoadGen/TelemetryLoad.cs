using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Enrollment;
using Outpost.Protocol.Telemetry;
using Outpost.Trust.Certificates;

namespace Outpost.LoadGen;

/// <summary>
/// Server telemetry ingest: one enrolled device per connection uploads gzip metric batches shaped like the agent's
/// system metrics (16 series, one with a mount attribute), with its own increasing sequences. Prints records/s and
/// the bytes on the wire per metric sample.
/// </summary>
internal static class TelemetryLoad
{
    private static readonly string[] Names =
    [
        "system_cpu_usage_ratio", "system_memory_used_bytes", "system_memory_total_bytes", "system_swap_used_bytes",
        "system_swap_in_pages_per_second", "system_swap_out_pages_per_second", "system_disk_used_ratio", "system_disk_read_bytes_per_second",
        "system_disk_write_bytes_per_second", "system_network_receive_bytes_per_second", "system_network_transmit_bytes_per_second",
        "system_network_errors_per_second", "system_temperature_celsius", "system_uptime_seconds", "agent_memory_rss_bytes", "inference_fps",
    ];

    public static async Task<int> RunAsync(Args args)
    {
        var deviceApi = new Uri(args.Get("device-api"));
        var connections = args.Int("connections", 20);
        var seconds = args.Int("seconds", 10);
        var batchSize = args.Int("batch", 500);

        using var admin = new HttpClient { BaseAddress = new Uri(args.Get("admin-api")) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", args.Get("admin-token"));
        var tokenResponse = await admin.PostAsJsonAsync(AdminApiRoutes.EnrollmentTokens,
            new CreateEnrollmentTokenRequest { Site = "bench", MaxUses = connections, ValidForSeconds = 3600 },
            OutpostJsonContext.Default.CreateEnrollmentTokenRequest);
        tokenResponse.EnsureSuccessStatusCode();
        var token = (await tokenResponse.Content.ReadFromJsonAsync(OutpostJsonContext.Default.CreatedEnrollmentToken))!.Token;
        using var anonymous = MtlsClients.Create(deviceApi, null);
        var clients = new List<HttpClient>();
        for (var i = 0; i < connections; i++)
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var response = await anonymous.PostAsJsonAsync(DeviceApiRoutes.Enroll,
                new EnrollmentRequest { Token = token, CsrPem = DeviceCsr.Create(key, $"bench-{i}") }, OutpostJsonContext.Default.EnrollmentRequest);
            response.EnsureSuccessStatusCode();
            var enrolled = (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.EnrollmentResponse))!;
            clients.Add(MtlsClients.Create(deviceApi, MtlsClients.WithKey(enrolled.CertificatePem, key)));
        }

        PrintWireSize(batchSize);
        var sequences = new System.Collections.Concurrent.ConcurrentDictionary<HttpClient, long>(clients.ToDictionary(c => c, _ => 0L));
        var start = DateTimeOffset.UtcNow;
        var result = await LoadRunner.RunAsync($"telemetry ingest ({connections} devices/connections, {batchSize} metric records per gzip batch)", clients, async client =>
        {
            var first = sequences[client] + 1;
            sequences[client] += batchSize;
            using var content = new ByteArrayContent(Gzip(Batch(first, batchSize, start)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            content.Headers.ContentEncoding.Add("gzip");
            using var response = await client.PostAsync(DeviceApiRoutes.Telemetry, content);
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(seconds));
        result.Print();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"telemetry ingest: {result.Rate * batchSize:F0} records/s"));
        clients.ForEach(c => c.Dispose());
        return result.Errors == 0 ? 0 : 1;
    }

    // One agent sampling round per 16 records, 10 s apart, values that vary like real gauges.
    private static byte[] Batch(long firstSequence, int size, DateTimeOffset start)
    {
        var random = new Random((int)firstSequence);
        var records = new TelemetryRecord[size];
        for (var i = 0; i < size; i++)
        {
            var sequence = firstSequence + i;
            var name = Names[(int)(sequence % Names.Length)];
            var value = Math.Round(random.NextDouble() * (name.EndsWith("ratio", StringComparison.Ordinal) ? 1 : 1e9), 4);
            records[i] = new TelemetryRecord
            {
                Sequence = sequence, At = start.AddSeconds(sequence / Names.Length * 10), Name = name,
                Attributes = name == "system_disk_used_ratio" ? new Dictionary<string, string> { ["mount"] = "/" } : null,
                Value = new MetricAggregate { Count = 1, Min = value, Max = value, Mean = value, WindowSeconds = 10 },
            };
        }

        return JsonSerializer.SerializeToUtf8Bytes(new TelemetryBatch { Stream = TelemetryChannel.Metrics, Records = records }, OutpostJsonContext.Default.TelemetryBatch);
    }

    private static void PrintWireSize(int batchSize)
    {
        var json = Batch(1, batchSize, DateTimeOffset.UtcNow);
        var gzip = Gzip(json);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wire size: {batchSize} metric samples = {json.Length} B JSON ({(double)json.Length / batchSize:F1} B/sample), {gzip.Length} B gzip ({(double)gzip.Length / batchSize:F1} B/sample)"));
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}
