using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol;
using Outpost.Protocol.Devices;
using Outpost.Server.Alerts;
using Outpost.Server.Alerts.Rules;
using Outpost.Server.Devices;
using Outpost.Server.Hosting;
using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Alerts;

/// <summary>
/// The evaluator over a real, migrated SQLite database with fake time and fake readers: devices are rows written
/// directly, so each rule can be put on either side of its threshold.
/// </summary>
internal sealed class AlertTestBed : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private string? databaseDirectory;

    private AlertTestBed(StoreDatabase database)
    {
        Database = database;
        Store = new AdoAlertStore(database);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var links = new AlertLinks(options, new BoundListeners());
        Options.ExternalUrl = "http://outpost.example:8080";
        IAlertRule[] rules =
        [
            new DeviceOfflineRule(options), new DiskFullRule(options), new SwappingRule(options, Metrics),
            new InferenceRateLowRule(options, Metrics), new CrashLoopRule(options), new BadVersionRule(options),
            new CertificateExpiringRule(options), new RolloutHaltedRule(options, Rollouts), new OutboxDroppingRule(options, Drops),
        ];
        var devices = new AdoDeviceStore(database);
        CheckIns = new CheckInWriteBehind(devices, Microsoft.Extensions.Options.Options.Create(new DevicesOptions()), NullLogger<CheckInWriteBehind>.Instance);
        Evaluator = new AlertEvaluator(
            rules, new AlertDeviceReader(database), Store, CheckIns, links, Signal, options, Time, NullLogger<AlertEvaluator>.Instance);
    }

    public StoreDatabase Database { get; }

    public AdoAlertStore Store { get; }

    public AlertsOptions Options { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeMetricsReader Metrics { get; } = new();

    public FakeHaltedRolloutsReader Rollouts { get; } = new();

    public FakeTelemetryDropsReader Drops { get; } = new();

    public AlertDeliverySignal Signal { get; } = new();

    public CheckInWriteBehind CheckIns { get; }

    public AlertEvaluator Evaluator { get; }

    public static async Task<AlertTestBed> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("outpost-alerts-").FullName;
        var database = StorageServiceCollectionExtensions.CreateDatabase(new StorageOptions(), directory);
        await new SchemaMigrator(database, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
        var bed = new AlertTestBed(database);
        bed.databaseDirectory = directory;
        return bed;
    }

    public Task<AlertChanges> EvaluateAsync() => Evaluator.EvaluateAsync(TestContext.Current.CancellationToken);

    /// <summary>Every rule fires as soon as its condition holds (rule tests are about thresholds, not <c>For</c>).</summary>
    public void NoForDurations()
    {
        foreach (var rule in new AlertRuleOptions[]
                 {
                     Options.Rules.DeviceOffline, Options.Rules.DiskFull, Options.Rules.Swapping, Options.Rules.InferenceRateLow,
                     Options.Rules.CrashLoop, Options.Rules.BadVersion, Options.Rules.CertificateExpiring, Options.Rules.RolloutHalted,
                     Options.Rules.OutboxDropping,
                 })
        {
            rule.For = TimeSpan.Zero;
        }
    }

    /// <summary>Inserts a device enrolled at <see cref="Start"/>, seen now, with a healthy snapshot and a certificate valid 30 days.</summary>
    public async Task<string> AddDeviceAsync(string id, string site = "plant-1", DateTimeOffset? lastSeen = null, SystemSnapshot? system = null,
        UpdateReport? update = null, string? currentRelease = null, DateTimeOffset? certificateNotAfter = null)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.Sql(
            "INSERT INTO devices (id, hostname, site, tags_json, enrolled_at, certificate_serial, certificate_not_after, last_seen_at, system_json, update_json, current_release) " +
            "VALUES (@id, @host, @site, '[]', @enrolled, 'serial', @notAfter, @seen, @system, @update, @current);")
            .With("@id", id).With("@host", id + "-host").With("@site", site).With("@enrolled", Start)
            .With("@notAfter", certificateNotAfter ?? Start.AddDays(30)).With("@seen", lastSeen ?? Time.GetUtcNow())
            .With("@system", JsonSerializer.Serialize(system ?? Healthy(), OutpostJsonContext.Default.SystemSnapshot))
            .With("@update", update is null ? null : JsonSerializer.Serialize(update, OutpostJsonContext.Default.UpdateReport))
            .With("@current", currentRelease);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return id;
    }

    public async Task SetAsync(string id, string column, object? value)
    {
        await using var connection = await Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.Sql($"UPDATE devices SET {column} = @value WHERE id = @id;").With("@value", value).With("@id", id);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public Task SetSystemAsync(string id, SystemSnapshot system) =>
        SetAsync(id, "system_json", JsonSerializer.Serialize(system, OutpostJsonContext.Default.SystemSnapshot));

    public Task SetUpdateAsync(string id, UpdateReport update) =>
        SetAsync(id, "update_json", JsonSerializer.Serialize(update, OutpostJsonContext.Default.UpdateReport));

    public async Task<IReadOnlyList<AlertRecord>> AllAlertsAsync() =>
        await Store.ListAsync(new AlertQuery { State = null }, TestContext.Current.CancellationToken);

    public static SystemSnapshot Healthy(long diskTotal = 100, long diskFree = 50, long swapTotal = 1000, long swapFree = 900) => new()
    {
        CpuCount = 4,
        MemoryTotalBytes = 4_000_000_000,
        SwapTotalBytes = swapTotal,
        SwapFreeBytes = swapFree,
        Disks = [new DiskUsage { Mount = "/", TotalBytes = diskTotal, FreeBytes = diskFree }],
    };

    public async ValueTask DisposeAsync()
    {
        Evaluator.Dispose();
        await CheckIns.DisposeAsync();
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (databaseDirectory is not null)
        {
            Directory.Delete(databaseDirectory, recursive: true);
        }
    }
}
