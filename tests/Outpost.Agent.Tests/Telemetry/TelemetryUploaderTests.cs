using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Identity;
using Outpost.Agent.Sync;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Agent.Telemetry.Upload;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Tests.Telemetry;

/// <summary>The uploader over the real mTLS transport against a real Kestrel ingest that deduplicates like the server.</summary>
public sealed class TelemetryUploaderTests : IAsyncLifetime
{
    private readonly TestPki _fleet = new("Fleet CA", DateTimeOffset.UtcNow);
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeTelemetryServer _server = null!;
    private X509Certificate2 _device = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeTelemetryServer.StartAsync(_fleet.IssueServer(), _fleet.CaPublic);
        var (key, cert) = _fleet.NewDevice("dev-1", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        _device = X509Certificate2.CreateFromPem(cert, key);
    }

    [Fact]
    public async Task UploadPending_WithLostAcknowledgements_StoresEveryRecordOnceInOrderEventsFirst()
    {
        using var outbox = new TelemetryOutbox(_dir.File("outbox.db"), new OutboxOptions(), _time);
        for (var i = 1; i <= 300; i++)
        {
            outbox.Append(TelemetryChannel.Logs, new OutboxEntry(_time.GetUtcNow(), "log", "info", $"l{i}"));
            outbox.Append(TelemetryChannel.Metrics, new OutboxEntry(_time.GetUtcNow(), "m", Value: new MetricAggregate { Count = 1, Min = i, Max = i, Mean = i }));
            outbox.Append(TelemetryChannel.Events, new OutboxEntry(_time.GetUtcNow(), $"e{i}"));
        }

        _server.LoseAnswers = 4;
        using var transport = Transport();
        var uploader = Uploader(outbox, transport, new BatchSizer(TimeSpan.FromSeconds(2)));

        var rounds = 0;
        while (TelemetryOutbox.PriorityOrder.Any(c => outbox.Stats(c).Records > 0))
        {
            Assert.True(++rounds < 50, "the outbox never drained");
            await uploader.UploadPendingAsync(TestContext.Current.CancellationToken);
        }

        var stored = _server.Stored.ToList();
        foreach (var channel in TelemetryOutbox.PriorityOrder)
        {
            Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), stored.Where(s => s.Channel == channel).Select(s => s.Sequence));
        }

        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"e{i}"), stored.Where(s => s.Channel == TelemetryChannel.Events).Select(s => s.Name));
        Assert.Equal([TelemetryChannel.Events, TelemetryChannel.Metrics, TelemetryChannel.Logs], stored.Select(s => s.Channel).Distinct());
        Assert.True(_server.RecordsReceived > 900, "lost answers must have caused resends");
        Assert.True(_server.AllGzip);
    }

    [Fact]
    public async Task UploadPending_ServerDown_KeepsRecordsAndBacksOff()
    {
        using var outbox = new TelemetryOutbox(_dir.File("outbox.db"), new OutboxOptions(), _time);
        outbox.Append(TelemetryChannel.Events, new OutboxEntry(_time.GetUtcNow(), "e"));
        using var transport = Transport();
        await _server.DisposeAsync();
        var uploader = Uploader(outbox, transport, new BatchSizer(TimeSpan.FromSeconds(2)));

        var delay = await uploader.UploadPendingAsync(TestContext.Current.CancellationToken);

        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal(1, outbox.Stats(TelemetryChannel.Events).Records);
        _server = await FakeTelemetryServer.StartAsync(_fleet.IssueServer(), _fleet.CaPublic);
    }

    [Fact]
    public async Task UploadPending_BatchTooLarge_ShrinksUntilTheServerTakesIt_AndSendsDrops()
    {
        var options = new OutboxOptions { Logs = new ChannelQuota { MaxBytes = 20_000 } };
        using var outbox = new TelemetryOutbox(_dir.File("outbox.db"), options, _time);
        for (var i = 0; i < 400; i++)
        {
            outbox.Append(TelemetryChannel.Logs, new OutboxEntry(_time.GetUtcNow(), "log", "info", $"line {i}"));
        }

        var dropped = outbox.Stats(TelemetryChannel.Logs).DroppedRecords;
        var pending = outbox.Stats(TelemetryChannel.Logs).Records;
        _server.MaxRecords = 20;
        using var transport = Transport();
        var uploader = Uploader(outbox, transport, new BatchSizer(TimeSpan.FromSeconds(2)));

        for (var round = 0; round < 20 && outbox.Stats(TelemetryChannel.Logs).Records > 0; round++)
        {
            await uploader.UploadPendingAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(dropped > 0);
        Assert.Equal(pending, _server.Stored.Count(s => s.Channel == TelemetryChannel.Logs));
        Assert.Equal(dropped, _server.LastDrops(TelemetryChannel.Logs)!.Records);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _device.Dispose();
        _fleet.Dispose();
        _dir.Dispose();
    }

    private HttpDeviceTransport Transport() =>
        new(_server.Url, new ServerPin(_fleet.CaPublic, TimeProvider.System), _device, TimeSpan.FromSeconds(10));

    private TelemetryUploader Uploader(TelemetryOutbox outbox, HttpDeviceTransport transport, BatchSizer sizer) => new(
        outbox, new HttpTelemetryTransport(transport), new FullJitterBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), new Random(1)),
        sizer, TimeSpan.FromSeconds(5), _time, NullLogger<TelemetryUploader>.Instance);
}
