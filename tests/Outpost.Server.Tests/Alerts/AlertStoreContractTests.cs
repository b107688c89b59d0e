using Outpost.Protocol.Alerts;
using Outpost.Server.Alerts;
using Outpost.Server.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Outpost.Server.Tests.Alerts;

/// <summary>What the alert store must do on every provider (migration 0005). Derived classes supply a fresh database.</summary>
public abstract class AlertStoreContractTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly string unique = Guid.NewGuid().ToString("N")[..8];
    private StoreDatabase? database;

    internal abstract Task<StoreDatabase> CreateDatabaseAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AdoAlertStore> StoreAsync()
    {
        if (database is null)
        {
            database = await CreateDatabaseAsync();
            await new SchemaMigrator(database, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(Ct);
        }

        return new AdoAlertStore(database);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Apply_FiresUpdatesAndResolves_KeepingTimesAndLabels()
    {
        var store = await StoreAsync();
        var alert = NewAlert("fp-1");
        Assert.Equal(1, await store.ApplyAsync(new AlertChanges(Now, [alert], [], []), Ct));

        await store.ApplyAsync(new AlertChanges(Now.AddMinutes(1), [], [alert with { Summary = "worse" }], []), Ct);
        var firing = Assert.Single(await store.ListAsync(new AlertQuery { DeviceId = alert.DeviceId }, Ct));
        Assert.Equal("worse", firing.Summary);
        Assert.Equal(Now, firing.StartedAt);
        Assert.Equal(Now.AddMinutes(1), firing.LastEvaluatedAt);
        Assert.Equal(alert.Labels, firing.Labels);
        Assert.Equal("https://runbooks.example/device-offline.md", firing.RunbookUrl);

        await store.ApplyAsync(new AlertChanges(Now.AddMinutes(2), [], [], [alert.Id]), Ct);
        // A second resolve (another replica, a retry) keeps the first resolve time.
        await store.ApplyAsync(new AlertChanges(Now.AddMinutes(3), [], [], [alert.Id]), Ct);
        // An update of a resolved alert (a racing evaluation) does not revive it.
        await store.ApplyAsync(new AlertChanges(Now.AddMinutes(4), [], [alert with { Summary = "late" }], []), Ct);

        var resolved = Assert.Single(await store.ListAsync(new AlertQuery { State = null, DeviceId = alert.DeviceId }, Ct));
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal(Now.AddMinutes(2), resolved.ResolvedAt);
        Assert.Equal(Now.AddMinutes(2), resolved.LastEvaluatedAt);
        Assert.Equal("worse", resolved.Summary);
    }

    [Fact]
    public async Task Apply_SecondFiringRowForSameFingerprint_IsIgnored()
    {
        var store = await StoreAsync();
        var first = NewAlert("fp-dup");
        await store.ApplyAsync(new AlertChanges(Now, [first], [], []), Ct);

        // Another server evaluated at the same time and fired the same condition under its own id.
        var inserted = await store.ApplyAsync(new AlertChanges(Now, [NewAlert("fp-dup")], [], []), Ct);

        Assert.Equal(0, inserted);
        Assert.Equal(first.Id, Assert.Single(await store.ListAsync(new AlertQuery { DeviceId = first.DeviceId }, Ct)).Id);
    }

    [Fact]
    public async Task Apply_AfterResolve_SameFingerprintStartsANewRow()
    {
        var store = await StoreAsync();
        var first = NewAlert("fp-again");
        await store.ApplyAsync(new AlertChanges(Now, [first], [], [first.Id]), Ct);
        var second = NewAlert("fp-again") with { StartedAt = Now.AddMinutes(5) };

        Assert.Equal(1, await store.ApplyAsync(new AlertChanges(Now.AddMinutes(5), [second], [], []), Ct));

        var all = await store.ListAsync(new AlertQuery { State = null, DeviceId = first.DeviceId }, Ct);
        Assert.Equal([second.Id, first.Id], all.Select(a => a.Id));
    }

    [Fact]
    public async Task List_FiltersByStateDeviceAndResolvedSince()
    {
        var store = await StoreAsync();
        var a = NewAlert("fp-a");
        var b = NewAlert("fp-b") with { DeviceId = $"dev-other-{unique}" };
        var c = NewAlert("fp-c");
        await store.ApplyAsync(new AlertChanges(Now, [a, b, c], [], []), Ct);
        await store.ApplyAsync(new AlertChanges(Now.AddMinutes(1), [], [], [a.Id]), Ct);
        await store.ApplyAsync(new AlertChanges(Now.AddMinutes(10), [], [], [c.Id]), Ct);

        Assert.Equal([b.Id], (await store.ListAsync(new AlertQuery { DeviceId = b.DeviceId }, Ct)).Select(x => x.Id));
        Assert.Empty(await store.ListAsync(new AlertQuery { DeviceId = a.DeviceId }, Ct));
        Assert.Equal(2, (await store.ListAsync(new AlertQuery { State = AlertState.Resolved, DeviceId = a.DeviceId }, Ct)).Count);
        var recent = await store.ListAsync(new AlertQuery { State = null, ResolvedSince = Now.AddMinutes(5) }, Ct);
        Assert.Contains(recent, x => x.Id == b.Id);
        Assert.Contains(recent, x => x.Id == c.Id);
        Assert.DoesNotContain(recent, x => x.Id == a.Id);
        Assert.Single(await store.ListAsync(new AlertQuery { State = null, DeviceId = a.DeviceId, Limit = 1 }, Ct));
    }

    [Fact]
    public async Task List_FiltersByRule()
    {
        var store = await StoreAsync();
        var offline = NewAlert("fp-rule-offline");
        var disk = NewAlert("fp-rule-disk") with { Rule = "disk-full" };
        await store.ApplyAsync(new AlertChanges(Now, [offline, disk], [], []), Ct);

        Assert.Equal([disk.Id], (await store.ListAsync(new AlertQuery { DeviceId = disk.DeviceId, Rule = "disk-full" }, Ct)).Select(x => x.Id));
        Assert.Equal([offline.Id], (await store.ListAsync(new AlertQuery { DeviceId = offline.DeviceId, Rule = "device-offline" }, Ct)).Select(x => x.Id));
        Assert.Empty(await store.ListAsync(new AlertQuery { DeviceId = disk.DeviceId, Rule = "no-such-rule" }, Ct));
    }

    [Fact]
    public async Task DeleteResolvedBefore_RemovesOnlyOldResolved()
    {
        var store = await StoreAsync();
        var old = NewAlert("fp-old");
        var fresh = NewAlert("fp-fresh");
        var firing = NewAlert("fp-firing");
        await store.ApplyAsync(new AlertChanges(Now, [old, fresh, firing], [], [old.Id]), Ct);
        await store.ApplyAsync(new AlertChanges(Now.AddDays(2), [], [], [fresh.Id]), Ct);

        await store.DeleteResolvedBeforeAsync(Now.AddDays(1), Ct);

        var left = await store.ListAsync(new AlertQuery { State = null, DeviceId = old.DeviceId }, Ct);
        Assert.Equal(new[] { fresh.Id, firing.Id }.Order(StringComparer.Ordinal), left.Select(a => a.Id).Order(StringComparer.Ordinal));
    }

    private AlertRecord NewAlert(string fingerprint) => new()
    {
        Id = $"alr-{Guid.NewGuid():N}",
        Fingerprint = $"{fingerprint}-{unique}",
        Rule = "device-offline",
        DeviceId = $"dev-{unique}",
        Severity = "critical",
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["alertname"] = "OutpostDeviceOffline", ["device"] = $"dev-{unique}", ["site"] = "plant \"1\"" },
        State = AlertState.Firing,
        StartedAt = Now,
        LastEvaluatedAt = Now,
        Summary = "Device is offline",
        Description = "No check-in for more than 5m.",
        RunbookUrl = "https://runbooks.example/device-offline.md",
    };
}
