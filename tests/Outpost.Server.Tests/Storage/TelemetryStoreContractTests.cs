using System.Globalization;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Storage;

/// <summary>Telemetry storage behaviour every provider must have. Derived classes supply a fresh, migrated database.</summary>
public abstract class TelemetryStoreContractTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetentionPolicy Policy = new(
        MaxEventsPerDevice: 3, MaxLogsPerDevice: 2, EventRetention: TimeSpan.FromDays(30), LogRetention: TimeSpan.FromDays(7),
        RawMetricRetention: TimeSpan.FromHours(24), FiveMinuteMetricRetention: TimeSpan.FromDays(7), HourMetricRetention: TimeSpan.FromDays(90));

    private readonly string unique = Guid.NewGuid().ToString("N")[..8];
    private StoreDatabase? database;

    internal abstract Task<StoreDatabase> CreateDatabaseAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public virtual async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task IngestAsync_SameBatchTwice_StoresOnceAndAcksTheSame()
    {
        var store = await StoreAsync();
        var device = Device();
        var batch = Events(1, 2, 3);

        var first = await store.IngestAsync(device, batch, Now, Ct);
        var second = await store.IngestAsync(device, batch, Now, Ct);

        Assert.Equal(new TelemetryIngestResult(3, 3, 0), first);
        Assert.Equal(new TelemetryIngestResult(3, 0, 3), second);
        Assert.Equal([3L, 2, 1], (await store.GetEntriesAsync(device, TelemetryChannel.Events, 10, Ct)).Select(e => e.Sequence));
        var stream = Assert.Single(await store.GetStreamsAsync(device, Ct));
        Assert.Equal((3L, 3L, 3L), (stream.StoredThrough, stream.RecordsStored, stream.Duplicates));
    }

    [Fact]
    public async Task IngestAsync_OverlapAndGap_StoresOnlyNewRecords()
    {
        var store = await StoreAsync();
        var device = Device();
        await store.IngestAsync(device, Events(1, 2), Now, Ct);

        var result = await store.IngestAsync(device, Events(2, 3, 7), Now, Ct);

        Assert.Equal(new TelemetryIngestResult(7, 2, 1), result);
        var entries = await store.GetEntriesAsync(device, TelemetryChannel.Events, 10, Ct);
        Assert.Equal([7L, 3, 2, 1], entries.Select(e => e.Sequence));
        Assert.Equal("{\"k\":\"v7\"}", entries[0].AttributesJson);
    }

    [Fact]
    public async Task IngestAsync_ConcurrentRetries_StoreEachRecordOnce()
    {
        var store = await StoreAsync();
        var device = Device();
        var batches = Enumerable.Range(0, 8).Select(i => Events([.. Enumerable.Range(1 + (i * 5), 20).Select(s => (long)s)])).ToList();

        var results = await Task.WhenAll(batches.Select(b => Task.Run(() => store.IngestAsync(device, b, Now, Ct), Ct)));

        Assert.Equal(55L, results.Max(r => r.StoredThrough));
        var stored = await store.GetEntriesAsync(device, TelemetryChannel.Events, 1000, Ct);
        Assert.Equal(results.Sum(r => r.Stored), stored.Count);
        Assert.Equal(stored.Count, stored.Select(e => e.Sequence).Distinct().Count());
    }

    [Fact]
    public async Task IngestAsync_Drops_KeepsLatestCumulativeFigures()
    {
        var store = await StoreAsync();
        var device = Device();
        await store.IngestAsync(device, Events(1) with { Drops = new StreamDrops { Records = 5, Bytes = 500 } }, Now, Ct);
        await store.IngestAsync(device, Events(2), Now, Ct);
        await store.IngestAsync(device, Events(3) with { Drops = new StreamDrops { Records = 9, Bytes = 900 } }, Now.AddMinutes(1), Ct);

        var stream = Assert.Single(await store.GetStreamsAsync(device, Ct));
        Assert.Equal((9L, 900L, Now.AddMinutes(1)), (stream.DroppedRecords, stream.DroppedBytes, stream.UpdatedAt));
    }

    [Fact]
    public async Task DropsReader_OnlyIncreasesCount_SinceIsWhenTheCountLastWentUp()
    {
        var store = await StoreAsync();
        var reader = new Outpost.Server.Telemetry.StoredTelemetryDropsReader(database!);
        var device = Device();
        await store.IngestAsync(device, Events(1) with { Drops = new StreamDrops { Records = 0, Bytes = 0 } }, Now, Ct);
        Assert.DoesNotContain(await reader.ListIncreasedSinceAsync(Now.AddHours(-1), Ct), d => d.DeviceId == device);

        await store.IngestAsync(device, Events(2) with { Drops = new StreamDrops { Records = 4, Bytes = 400 } }, Now.AddMinutes(1), Ct);
        // The same cumulative figure again (a retry, or nothing new dropped) does not move the time.
        await store.IngestAsync(device, Events(3) with { Drops = new StreamDrops { Records = 4, Bytes = 400 } }, Now.AddMinutes(30), Ct);

        var drops = Assert.Single(await reader.ListIncreasedSinceAsync(Now, Ct), d => d.DeviceId == device);
        Assert.Equal((4L, 400L, Now.AddMinutes(1)), (drops.Records, drops.Bytes, drops.LastIncreasedAt));
        Assert.DoesNotContain(await reader.ListIncreasedSinceAsync(Now.AddMinutes(2), Ct), d => d.DeviceId == device);
    }

    [Fact]
    public async Task IngestAsync_Metrics_LatestKeepsNewestWindowPerSeries()
    {
        var store = await StoreAsync();
        var device = Device();
        await store.IngestAsync(device, Metrics(
            (1, Now, "system_disk_used_ratio", 0.5, 1, new Dictionary<string, string> { ["mount"] = "/" }),
            (2, Now, "system_disk_used_ratio", 0.9, 1, new Dictionary<string, string> { ["mount"] = "/data" }),
            (3, Now, "inference_fps", 30, 10, null)), Now, Ct);
        // A late upload of an older window must not replace the latest value.
        await store.IngestAsync(device, Metrics((4, Now.AddMinutes(-5), "inference_fps", 5, 10, null)), Now, Ct);

        var latest = await store.GetLatestAsync(device, Ct);
        Assert.Equal(
            [("inference_fps", "{}", 30.0), ("system_disk_used_ratio", "{\"mount\":\"/\"}", 0.5), ("system_disk_used_ratio", "{\"mount\":\"/data\"}", 0.9)],
            latest.Select(w => (w.Name, w.AttributesJson, w.Mean)));
        Assert.Equal(2, (await store.GetSeriesAsync(device, "inference_fps", Now.AddHours(-1), Now.AddSeconds(1), 100, Ct)).Count);
        Assert.Contains(await store.GetLatestForMetricsAsync(["inference_fps"], Ct), w => w.DeviceId == device && w.Mean == 30);
    }

    [Fact]
    public async Task MeanByDeviceAsync_WeightsBySampleCount_InRangeOnly()
    {
        var store = await StoreAsync();
        var (a, b, c) = (Device(), Device(), Device());
        await store.IngestAsync(a, Metrics((1, Now.AddMinutes(-10), "inference_fps", 10, 1, null), (2, Now.AddMinutes(-5), "inference_fps", 20, 3, null)), Now, Ct);
        await store.IngestAsync(b, Metrics((1, Now.AddHours(-2), "inference_fps", 99, 1, null), (2, Now.AddMinutes(-5), "error_rate", 1, 1, null)), Now, Ct);
        await store.IngestAsync(c, Metrics((1, Now.AddMinutes(-5), "inference_fps", 50, 1, null)), Now, Ct);

        var means = await store.MeanByDeviceAsync("inference_fps", [a, b], Now.AddHours(-1), Now, Ct);

        Assert.Equal(new Dictionary<string, double> { [a] = 17.5 }, means);
    }

    [Fact]
    public async Task CompactAsync_OldRawWindows_RollUpPreservingCountMeanMinMax()
    {
        var store = await StoreAsync();
        var device = Device();
        // Two windows in the 5-minute bucket ending 10:05 two days ago, one in the next bucket, one recent.
        var old = Now.AddDays(-2).Date.AddHours(10);
        var bucket = new DateTimeOffset(old, TimeSpan.Zero);
        await store.IngestAsync(device, Metrics(
            (1, bucket.AddMinutes(1), "inference_fps", 10, 1, null),
            (2, bucket.AddMinutes(4), "inference_fps", 30, 3, null),
            (3, bucket.AddMinutes(6), "inference_fps", 7, 1, null),
            (4, Now.AddMinutes(-1), "inference_fps", 1, 1, null)), Now, Ct);
        var meanBefore = await store.MeanByDeviceAsync("inference_fps", [device], bucket, Now, Ct);

        await store.CompactAsync(Policy, Now, Ct);

        var series = await store.GetSeriesAsync(device, "inference_fps", bucket, Now, 100, Ct);
        Assert.Equal(
            [(300, bucket.AddMinutes(5), 4L, 10.0, 30.0, 25.0), (300, bucket.AddMinutes(10), 1L, 7.0, 7.0, 7.0), (0, Now.AddMinutes(-1), 1L, 1.0, 1.0, 1.0)],
            series.Select(w => (w.ResolutionSeconds, w.WindowEnd, w.Count, w.Min, w.Max, w.Mean)));
        Assert.Equal(meanBefore[device], (await store.MeanByDeviceAsync("inference_fps", [device], bucket, Now, Ct))[device], 9);
    }

    [Fact]
    public async Task CompactAsync_FiveMinuteRollupsPastRetention_BecomeHourlyThenExpire()
    {
        var store = await StoreAsync();
        var device = Device();
        var hour = new DateTimeOffset(Now.AddDays(-10).Date.AddHours(3), TimeSpan.Zero);
        await store.IngestAsync(device, Metrics(
            (1, hour.AddMinutes(10), "error_rate", 2, 1, null),
            (2, hour.AddMinutes(50), "error_rate", 4, 1, null),
            (3, Now.AddDays(-100), "error_rate", 9, 1, null)), Now, Ct);

        await store.CompactAsync(Policy, Now, Ct);

        var series = await store.GetSeriesAsync(device, "error_rate", Now.AddDays(-200), Now, 100, Ct);
        var only = Assert.Single(series);
        Assert.Equal((3600, hour.AddHours(1), 2L, 3.0), (only.ResolutionSeconds, only.WindowEnd, only.Count, only.Mean));
    }

    [Fact]
    public async Task CompactAsync_EventsAndLogs_BoundedByCountAndAge()
    {
        var store = await StoreAsync();
        var device = Device();
        await store.IngestAsync(device, Events(1, 2, 3, 4, 5), Now, Ct);
        await store.IngestAsync(device, Events(1, 2, 3) with { Stream = TelemetryChannel.Logs }, Now.AddDays(-8), Ct);
        await store.IngestAsync(device, Events(4) with { Stream = TelemetryChannel.Logs }, Now, Ct);

        await store.CompactAsync(Policy, Now, Ct);

        Assert.Equal([5L, 4, 3], (await store.GetEntriesAsync(device, TelemetryChannel.Events, 10, Ct)).Select(e => e.Sequence));
        Assert.Equal([4L], (await store.GetEntriesAsync(device, TelemetryChannel.Logs, 10, Ct)).Select(e => e.Sequence));
        // Retention never lowers the dedup boundary: an old record sent again is still a duplicate.
        Assert.Equal(0, (await store.IngestAsync(device, Events(1), Now, Ct)).Stored);
    }

    private async Task<AdoTelemetryStore> StoreAsync()
    {
        if (database is null)
        {
            database = await CreateDatabaseAsync();
            await new SchemaMigrator(database, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
                .MigrateAsync(Ct);
        }

        return new AdoTelemetryStore(database);
    }

    private string Device() => $"dev-{unique}-{Guid.NewGuid():N}"[..24];

    private static TelemetryBatch Events(params long[] sequences) => new()
    {
        Stream = TelemetryChannel.Events,
        Records = [.. sequences.Select(s => new TelemetryRecord
        {
            Sequence = s, At = Now.AddSeconds(s), Name = "workload.exited", Level = "warning",
            Message = string.Create(CultureInfo.InvariantCulture, $"event {s}"), Attributes = new Dictionary<string, string> { ["k"] = $"v{s}" },
        })],
    };

    private static TelemetryBatch Metrics(params (long Sequence, DateTimeOffset At, string Name, double Mean, long Count, Dictionary<string, string>? Attributes)[] windows) => new()
    {
        Stream = TelemetryChannel.Metrics,
        Records = [.. windows.Select(w => new TelemetryRecord
        {
            Sequence = w.Sequence, At = w.At, Name = w.Name, Attributes = w.Attributes,
            Value = new MetricAggregate { Count = w.Count, Min = w.Mean, Max = w.Mean, Mean = w.Mean, WindowSeconds = 10 },
        })],
    };
}
