using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol;
using Outpost.Protocol.Devices;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Devices;
using Outpost.Server.Rollouts;
using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Rollouts;

/// <summary>
/// A migrated database, a fleet of simulated devices written through the device store as check-ins would be, fake time, fake
/// metrics, and engines over them (a new engine = a restarted server).
/// </summary>
internal sealed class RolloutFleet : IAsyncDisposable
{
    public const string OldRelease = "app@1.0.0";
    public const string NewRelease = "app@2.0.0";

    private readonly Func<Task<StoreDatabase>> open;

    private RolloutFleet(Func<Task<StoreDatabase>> open) => this.open = open;

    public StoreDatabase Database { get; private set; } = null!;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public FakeWorkloadMetrics Metrics { get; } = new();

    public AdoDeviceStore Devices => new(Database);

    public AdoRolloutStore Rollouts => new(Database);

    public Dictionary<string, SimulatedDevice> Fleet { get; } = new(StringComparer.Ordinal);

    public RolloutEngine Engine { get; private set; } = null!;

    public static async Task<RolloutFleet> CreateAsync(Func<Task<StoreDatabase>> open)
    {
        var fleet = new RolloutFleet(open);
        fleet.Database = await open();
        await new SchemaMigrator(fleet.Database, fleet.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
        fleet.Engine = fleet.NewEngine();
        return fleet;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new engine over a new connection pool: what a restarted server has (state only in the database).</summary>
    public async Task RestartAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Database = await open();
        Engine = NewEngine();
    }

    public RolloutEngine NewEngine() => new(
        new AdoRolloutStore(Database), new AdoDeviceStore(Database),
        new RolloutStateMachine(new GateEvaluator(Metrics), Options.Create(new DevicesOptions())), Time, NullLogger<RolloutEngine>.Instance,
        database: Database);

    /// <summary>Devices <c>{tag}-NNNN</c> spread over sites <c>{tag}-sNN</c>, all running <see cref="OldRelease"/> and seen now.</summary>
    public async Task SeedAsync(string tag, int count, int sites)
    {
        await using var connection = await Database.OpenAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        for (var i = 0; i < count; i++)
        {
            var device = new SimulatedDevice($"{tag}-{i:0000}", $"{tag}-s{i % sites:00}") { Current = OldRelease };
            Fleet[device.Id] = device;
            await using var insert = connection.Sql(
                "INSERT INTO devices (id, site, tags_json, enrolled_at, certificate_serial, certificate_not_after, last_seen_at, device_class, current_release) " +
                "VALUES (@id, @site, @tags, @at, @serial, @notAfter, @at, 'rpi4', @current);", transaction)
                .With("@id", device.Id).With("@site", device.Site).With("@tags", $"[\"{tag}\"]").With("@at", Time.GetUtcNow())
                .With("@serial", device.Id).With("@notAfter", Time.GetUtcNow().AddDays(30)).With("@current", OldRelease);
            await insert.ExecuteNonQueryAsync(Ct);
        }

        await transaction.CommitAsync(Ct);
    }

    /// <summary>Creates a rollout as POST /v1/rollouts does (spec validation aside). Returns its id, or throws on a conflict.</summary>
    public async Task<string> StartAsync(RolloutSpec spec)
    {
        var targets = RolloutTargeting.Resolve(spec.Target, await Devices.ListRolloutCandidatesAsync(Ct));
        var id = $"ro-{Guid.NewGuid():N}";
        var now = Time.GetUtcNow();
        var conflict = await Rollouts.CreateAsync(
            new RolloutRecord
            {
                Id = id, Spec = spec, State = RolloutState.Pending, Phase = 0, TargetCount = targets.Count, CreatedAt = now, CreatedBy = "test",
                UpdatedAt = now,
            },
            [.. targets.Select(t => t.Id)], new RolloutDecision("created", "test"), Ct);
        Assert.Null(conflict);
        return id;
    }

    /// <summary>Every online device checks in once: it installs its desired release (or fails it) and reports, like the agent.</summary>
    public async Task CheckInAsync()
    {
        var rows = await Devices.GetRolloutStatesAsync([.. Fleet.Keys], Ct);
        var now = Time.GetUtcNow();
        var checkIns = new List<DeviceCheckIn>();
        foreach (var device in Fleet.Values.Where(d => d.Online))
        {
            var desired = rows[device.Id].DesiredRelease;
            if (desired is not null && desired != device.Current)
            {
                if (device.FailsOn is { } fails && fails.Release == desired)
                {
                    device.Report = new UpdateReport { Release = desired, State = UpdateState.RolledBack, Cause = fails.Cause, Detail = "crash loop", At = now };
                }
                else
                {
                    (device.Previous, device.Current) = (device.Current, desired);
                    device.Report = new UpdateReport { Release = desired, State = UpdateState.Committed, At = now };
                }
            }

            checkIns.Add(new DeviceCheckIn(
                device.Id, now, "0.1.0", "rpi4", "{}",
                device.Report is null ? null : JsonSerializer.Serialize(device.Report, OutpostJsonContext.Default.UpdateReport),
                device.Current, device.Previous));
        }

        await Devices.ApplyCheckInsAsync(checkIns, Ct);
    }

    /// <summary>Tick, advance two minutes, check in; until the rollout is in a state of <paramref name="until"/> (or the ticks run out).</summary>
    public async Task<RolloutRecord> RunAsync(string id, int maxTicks, params RolloutState[] until)
    {
        var stop = until.Length == 0 ? [RolloutState.Completed, RolloutState.RolledBack, RolloutState.Aborted] : until;
        for (var i = 0; i < maxTicks; i++)
        {
            await Engine.TickAsync(Ct);
            var rollout = (await Rollouts.GetAsync(id, Ct))!;
            if (stop.Contains(rollout.State))
            {
                return rollout;
            }

            // Seen just before the next tick, as a fleet checking in every 30 s would be.
            Time.Advance(TimeSpan.FromMinutes(2));
            await CheckInAsync();
        }

        return (await Rollouts.GetAsync(id, Ct))!;
    }

    public async Task<IReadOnlyDictionary<string, DeviceRolloutState>> RowsAsync() => await Devices.GetRolloutStatesAsync([.. Fleet.Keys], Ct);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
