using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;

namespace Outpost.Server.Tests.Telemetry;

/// <summary>Builds and uploads telemetry batches the way the agent does.</summary>
internal static class TelemetryUploads
{
    public static readonly DateTimeOffset At = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public static TelemetryBatch Events(params long[] sequences) => new()
    {
        Stream = TelemetryChannel.Events,
        Records = [.. sequences.Select(s => new TelemetryRecord { Sequence = s, At = At.AddSeconds(s), Name = "update.committed", Level = "info", Message = $"event {s}" })],
    };

    public static TelemetryBatch Metrics(DateTimeOffset at, params (string Name, double Value, string? Mount)[] samples) => new()
    {
        Stream = TelemetryChannel.Metrics,
        Records = [.. samples.Select((m, i) => new TelemetryRecord
        {
            Sequence = at.ToUnixTimeSeconds() * 100 + i + 1, At = at, Name = m.Name,
            Attributes = m.Mount is null ? null : new Dictionary<string, string> { ["mount"] = m.Mount },
            Value = new MetricAggregate { Count = 1, Min = m.Value, Max = m.Value, Mean = m.Value, WindowSeconds = 10 },
        })],
    };

    public static byte[] Json(TelemetryBatch batch) => JsonSerializer.SerializeToUtf8Bytes(batch, OutpostJsonContext.Default.TelemetryBatch);

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, TelemetryBatch batch, bool gzip = false) =>
        client.PostRawAsync(gzip ? Gzip(Json(batch)) : Json(batch), gzip);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, byte[] body, bool gzip = false, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return client.PostAsync(DeviceApiRoutes.Telemetry, content, TestContext.Current.CancellationToken);
    }

    public static async Task<TelemetryAck> AckAsync(this HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await response.Content.ReadFromJsonAsync(OutpostJsonContext.Default.TelemetryAck, TestContext.Current.CancellationToken))!;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
