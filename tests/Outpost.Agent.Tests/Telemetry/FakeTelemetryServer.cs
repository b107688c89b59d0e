using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Tests.Telemetry;

/// <summary>
/// A real HTTPS (mTLS) telemetry ingest implementing the contract's deduplication: per channel it stores the records
/// above its maximum, raises the maximum, then answers the maximum. It can lose answers on purpose: store, then
/// abort the connection before answering (a lost acknowledgement).
/// </summary>
internal sealed class FakeTelemetryServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly Dictionary<TelemetryChannel, long> _max = [];

    private FakeTelemetryServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Every record stored, in the order it was stored: (channel, sequence, name).</summary>
    public ConcurrentQueue<(TelemetryChannel Channel, long Sequence, string Name)> Stored { get; } = new();

    public int Requests => _requests;

    public int RecordsReceived => _received;

    public int LoseAnswers { get; set; }

    /// <summary>Batches with more records are refused with 413.</summary>
    public int MaxRecords { get; set; } = 5000;

    public bool AllGzip { get; private set; } = true;

    public StreamDrops? LastDrops(TelemetryChannel channel) => _drops.GetValueOrDefault(channel);

    private readonly ConcurrentDictionary<TelemetryChannel, StreamDrops> _drops = new();
    private int _requests;
    private int _received;

    public static async Task<FakeTelemetryServer> StartAsync(X509Certificate2 serverCertificate, X509Certificate2 chainCa)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serverCertificate,
            ServerCertificateChain = [chainCa],
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            ClientCertificateValidation = (_, _, _) => true,
        })));
        var app = builder.Build();
        var server = new FakeTelemetryServer(app);
        app.MapPost(DeviceApiRoutes.Telemetry, (Delegate)server.IngestAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri($"https://127.0.0.1:{new Uri(address).Port}");
        return server;
    }

    private async Task<IResult> IngestAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var gzip = context.Request.Headers.ContentEncoding == "gzip";
        AllGzip &= gzip;
        using var body = new MemoryStream();
        await (gzip ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body).CopyToAsync(body);
        var batch = JsonSerializer.Deserialize(body.ToArray(), OutpostJsonContext.Default.TelemetryBatch)!;
        Interlocked.Add(ref _received, batch.Records.Count);
        if (batch.Records.Count > MaxRecords)
        {
            return Results.Problem(statusCode: 413, detail: "too many records");
        }

        for (var i = 1; i < batch.Records.Count; i++)
        {
            if (batch.Records[i].Sequence <= batch.Records[i - 1].Sequence)
            {
                return Results.Problem(statusCode: 400, detail: $"records[{i}].sequence");
            }
        }

        long max;
        bool lose;
        lock (_gate)
        {
            max = _max.GetValueOrDefault(batch.Stream);
            foreach (var record in batch.Records.Where(r => r.Sequence > max))
            {
                Stored.Enqueue((batch.Stream, record.Sequence, record.Name));
                max = record.Sequence;
            }

            _max[batch.Stream] = max;
            if (batch.Drops is { } drops)
            {
                _drops[batch.Stream] = drops;
            }

            lose = LoseAnswers > 0;
            LoseAnswers -= lose ? 1 : 0;
        }

        if (lose)
        {
            // Stored and committed, but the device never hears about it.
            context.Abort();
            return Results.Empty;
        }

        return Results.Json(new TelemetryAck { Stream = batch.Stream, StoredThrough = max }, OutpostJsonContext.Default.TelemetryAck);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
