using System.Security.Cryptography.X509Certificates;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Outpost.Protocol;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Telemetry;

public sealed class TelemetryIngestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingest_SameBatchTwice_StoredOnceWithTheSameAck()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await EnrollAsync(server);

        var first = await (await device.Client.PostAsync(TelemetryUploads.Events(1, 2, 3))).AckAsync();
        var retry = await (await device.Client.PostAsync(TelemetryUploads.Events(1, 2, 3))).AckAsync();

        Assert.Equal(new TelemetryAck { Stream = TelemetryChannel.Events, StoredThrough = 3 }, first);
        Assert.Equal(first, retry);
        Assert.Equal([3L, 2, 1], (await EventsAsync(server, device.Id)).Items.Select(e => e.Sequence));
        var stream = Assert.Single((await StreamsAsync(server, device.Id)).Items);
        Assert.Equal((3L, 3L, 3L), (stream.StoredThrough, stream.RecordsStored, stream.Duplicates));
    }

    [Fact]
    public async Task Ingest_RetryAfterLostAckWithMoreRecords_StoresOnlyTheNewOnes()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await EnrollAsync(server);
        await (await device.Client.PostAsync(TelemetryUploads.Events(1, 2))).AckAsync();

        // The agent never saw that ack: it resends 1-2 together with what it appended since.
        var ack = await (await device.Client.PostAsync(TelemetryUploads.Events(1, 2, 3, 4), gzip: true)).AckAsync();

        Assert.Equal(4, ack.StoredThrough);
        Assert.Equal([4L, 3, 2, 1], (await EventsAsync(server, device.Id)).Items.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData(new long[] { 1, 3, 2 }, 2)]
    [InlineData(new long[] { 1, 1 }, 1)]
    [InlineData(new long[] { 0, 1 }, 0)]
    [InlineData(new long[] { -5 }, 0)]
    public async Task Ingest_BadSequences_400NamingTheRecordAndNothingStored(long[] sequences, int badIndex)
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await EnrollAsync(server);

        var response = await device.Client.PostAsync(TelemetryUploads.Events(sequences));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"records[{badIndex}].sequence", (await response.ReadProblemAsync()).Errors!.Keys);
        Assert.Empty((await EventsAsync(server, device.Id)).Items);
        Assert.Empty((await StreamsAsync(server, device.Id)).Items);
    }

    [Fact]
    public async Task Ingest_InvalidRecords_400NamingTheField()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await EnrollAsync(server);
        var metric = TelemetryUploads.Metrics(TelemetryUploads.At, ("inference_fps", 30, null));
        var cases = new (TelemetryBatch Batch, string Field)[]
        {
            (metric with { Records = [metric.Records[0] with { Value = null }] }, "records[0].value"),
            (metric with { Records = [metric.Records[0] with { Name = "bad-name" }] }, "records[0].name"),
            (TelemetryUploads.Events(1) with { Records = [TelemetryUploads.Events(1).Records[0] with { Name = "" }] }, "records[0].name"),
            (TelemetryUploads.Events(1) with { Records = [TelemetryUploads.Events(1).Records[0] with { Message = new string('x', 8193) }] }, "records[0].message"),
            (TelemetryUploads.Events(1) with { Records = [TelemetryUploads.Events(1).Records[0] with { Attributes = new Dictionary<string, string> { ["mount"] = new string('x', 257) } }] }, "records[0].attributes.mount"),
            (TelemetryUploads.Events(1) with { Records = [TelemetryUploads.Events(1).Records[0] with { Attributes = new Dictionary<string, string> { ["bad key"] = "v" } }] }, "records[0].attributes"),
            (TelemetryUploads.Events(1) with { Drops = new StreamDrops { Records = -1, Bytes = 0 } }, "drops.records"),
        };

        foreach (var (batch, field) in cases)
        {
            var response = await device.Client.PostAsync(batch);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, (await response.ReadProblemAsync()).Errors!.Keys);
        }

        Assert.Empty((await StreamsAsync(server, device.Id)).Items);
    }

    [Fact]
    public async Task Ingest_HostileBodies_4xxNeverStored()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await EnrollAsync(server);
        var tooMany = TelemetryUploads.Events([.. Enumerable.Range(1, 5001).Select(i => (long)i)]);
        var huge = TelemetryUploads.Events(1) with { Records = [TelemetryUploads.Events(1).Records[0] with { Message = new string('x', 5 * 1024 * 1024) }] };
        // A gzip bomb: 10 KiB on the wire, 32 MiB of JSON whitespace once decompressed.
        var bomb = TelemetryUploads.Gzip(Encoding.UTF8.GetBytes("{\"stream\":\"events\",\"records\":[" + new string(' ', 32 * 1024 * 1024) + "]}"));
        var garbage = new byte[4096];
        new Random(6).NextBytes(garbage);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await device.Client.PostAsync(tooMany, gzip: true)).StatusCode);
        // Expect: 100-continue lets the server refuse on Content-Length before the client writes 5 MiB into a closed connection.
        device.Client.DefaultRequestHeaders.ExpectContinue = true;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await device.Client.PostAsync(huge)).StatusCode);
        device.Client.DefaultRequestHeaders.ExpectContinue = false;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await device.Client.PostAsync(huge, gzip: true)).StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await device.Client.PostRawAsync(bomb, gzip: true)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.Client.PostRawAsync(garbage)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.Client.PostRawAsync(garbage, gzip: true)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.Client.PostRawAsync(TelemetryUploads.Utf8("{\"stream\":\"events\",\"records\":[{\"sequence\":\"one\"}]}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.Client.PostRawAsync(TelemetryUploads.Utf8("{\"stream\":7,\"records\":[]}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.Client.PostRawAsync(TelemetryUploads.Utf8("null"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.Client.PostRawAsync(TelemetryUploads.Utf8("{\"stream\":\"events\",\"records\":[null]}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.Client.PostRawAsync(TelemetryUploads.Utf8("{\"stream\":\"events\",\"records\":null}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await device.Client.PostRawAsync(TelemetryUploads.Utf8("{\"stream\":\"metrics\",\"records\":[{\"sequence\":1,\"at\":\"2026-11-29T00:00:00Z\",\"name\":\"x\",\"value\":{\"count\":1,\"min\":1e400,\"max\":1,\"mean\":1}}]}"))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await device.Client.PostRawAsync(TelemetryUploads.Json(TelemetryUploads.Events(1)), contentType: "text/plain")).StatusCode);

        Assert.Empty((await StreamsAsync(server, device.Id)).Items);
        Assert.True((await device.CheckInAsync()).IsSuccessStatusCode, "the connection and device stay usable");
    }

    [Fact]
    public async Task Ingest_RevokedOrAnonymous_RefusedAndNothingStored()
    {
        await using var server = await OutpostTestServer.StartAsync();
        using var device = await EnrollAsync(server);
        using var anonymous = server.DeviceClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(TelemetryUploads.Events(1))).StatusCode);

        using var admin = server.AdminClient(server.InitialAdminToken);
        Assert.True((await admin.PostAsync(Protocol.Admin.AdminApiRoutes.RevokeDevice(device.Id), null, Ct)).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await device.Client.PostAsync(TelemetryUploads.Events(1))).StatusCode);
        Assert.Empty((await StreamsAsync(server, device.Id)).Items);
    }

    [Fact]
    public async Task Ingest_ServerRestartedBetweenBatches_NoLossNoDuplicates()
    {
        var folder = Directory.CreateTempSubdirectory("outpost-telemetry-restart-").FullName;
        try
        {
            string id, adminToken;
            X509Certificate2 certificate;
            await using (var server = await OutpostTestServer.StartAsync(folder))
            {
                using var device = await EnrollAsync(server);
                adminToken = server.InitialAdminToken!;
                (id, certificate) = (device.Id, TestDevice.WithKey(device.Certificate.ExportCertificatePem(), device.Certificate.GetECDsaPrivateKey()!));
                Assert.Equal(3, (await (await device.Client.PostAsync(TelemetryUploads.Events(1, 2, 3))).AckAsync()).StoredThrough);
            }

            await using (var restarted = await OutpostTestServer.StartAsync(folder))
            {
                using var client = restarted.DeviceClient(certificate);
                // The ack of 1-3 may have been lost: the agent resends from 2 with new records.
                Assert.Equal(6, (await (await client.PostAsync(TelemetryUploads.Events(2, 3, 4, 5, 6))).AckAsync()).StoredThrough);
                Assert.Equal([6L, 5, 4, 3, 2, 1], (await EventsAsync(restarted, id, adminToken)).Items.Select(e => e.Sequence));
            }

            certificate.Dispose();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static async Task<TestDevice> EnrollAsync(OutpostTestServer server, string site = "plant-1")
    {
        var token = await server.CreateEnrollmentTokenAsync(site: site);
        return await TestDevice.EnrollAsync(server, token.Token);
    }

    internal static async Task<TelemetryEntryList> EventsAsync(OutpostTestServer server, string id, string? token = null)
    {
        using var admin = server.AdminClient(token ?? server.InitialAdminToken);
        return (await admin.GetFromJsonAsync(TelemetryApiRoutes.Events(id), OutpostJsonContext.Default.TelemetryEntryList, Ct))!;
    }

    internal static async Task<TelemetryStreamList> StreamsAsync(OutpostTestServer server, string id)
    {
        using var admin = server.AdminClient(server.InitialAdminToken);
        return (await admin.GetFromJsonAsync(TelemetryApiRoutes.Streams(id), OutpostJsonContext.Default.TelemetryStreamList, Ct))!;
    }
}
