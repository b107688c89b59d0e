using System.Globalization;
using Outpost.Protocol.Admin;
using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Storage;

/// <summary>The behaviour every storage provider must have. Derived classes supply a fresh, migrated database.</summary>
public abstract class StoreContractTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private StoreDatabase? database;
    // Tests of one class share a database (one per class for PostgreSQL): every id and site is unique per test.
    private readonly string unique = Guid.NewGuid().ToString("N")[..8];
    private int sequence;

    internal async Task<StoreDatabase> DatabaseAsync()
    {
        if (database is null)
        {
            database = await CreateDatabaseAsync();
            await Migrator(database).MigrateAsync(TestContext.Current.CancellationToken);
        }

        return database;
    }

    internal abstract Task<StoreDatabase> CreateDatabaseAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_AppliesEachMigrationOnce()
    {
        var db = await DatabaseAsync();
        await Migrator(db).MigrateAsync(Ct);
        await using var connection = await db.OpenAsync(Ct);
        await using var command = connection.Sql("SELECT COUNT(*) FROM schema_migrations;");
        var applied = Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
        Assert.Equal(SchemaMigrator.LoadScripts(db.Dialect.MigrationFolder).Count(), applied);
    }

    [Fact]
    public async Task EnrollAsync_UsableToken_InsertsDeviceAndConsumesOneUse()
    {
        var db = await DatabaseAsync();
        var token = await AddTokenAsync(db, maxUses: 2);
        var device = NewDevice("site-a", ["cam", "line-1"]);

        Assert.Equal(EnrollOutcome.Enrolled, await Devices(db).EnrollAsync(device, token.Id, Now, Ct));

        var stored = await Devices(db).GetAsync(device.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(device with { EnrollmentTokenId = token.Id }, stored with { Tags = device.Tags });
        Assert.Equal(["cam", "line-1"], stored.Tags);
        Assert.Equal(1, (await Tokens(db).GetAsync(token.Id, Ct))!.Uses);
    }

    [Fact]
    public async Task EnrollAsync_TokenUsedUpExpiredOrRevoked_RefusesAndInsertsNothing()
    {
        var db = await DatabaseAsync();
        var usedUp = await AddTokenAsync(db, maxUses: 1);
        Assert.Equal(EnrollOutcome.Enrolled, await Devices(db).EnrollAsync(NewDevice(), usedUp.Id, Now, Ct));
        var expired = await AddTokenAsync(db, maxUses: 5, expiresAt: Now);
        var revoked = await AddTokenAsync(db, maxUses: 5);
        await Tokens(db).RevokeAsync(revoked.Id, Now, Ct);

        foreach (var token in new[] { usedUp, expired, revoked })
        {
            var device = NewDevice();
            Assert.Equal(EnrollOutcome.TokenNotUsable, await Devices(db).EnrollAsync(device, token.Id, Now, Ct));
            Assert.Null(await Devices(db).GetAsync(device.Id, Ct));
        }
    }

    [Fact]
    public async Task EnrollAsync_ConcurrentEnrollments_NeverExceedMaxUses()
    {
        var db = await DatabaseAsync();
        var token = await AddTokenAsync(db, maxUses: 5);
        var devices = Enumerable.Range(0, 24).Select(_ => NewDevice()).ToList();
        // An async gate, not a Barrier: blocking 24 pool threads on 2 cores would starve the thread pool.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var racing = devices.Select(d => Task.Run(async () =>
        {
            await start.Task;
            return await Devices(db).EnrollAsync(d, token.Id, Now, Ct);
        })).ToList();
        start.SetResult();
        var outcomes = await Task.WhenAll(racing);

        Assert.Equal(5, outcomes.Count(o => o == EnrollOutcome.Enrolled));
        Assert.Equal(5, (await Tokens(db).GetAsync(token.Id, Ct))!.Uses);
        Assert.Equal(5, (await Devices(db).ListAsync(new DeviceQuery { OnlineSince = Now, Site = $"site-a-{unique}" }, Ct)).Total);
    }

    [Fact]
    public async Task ApplyCheckInsAsync_Batch_UpdatesOnlyListedDevicesAndNeverGoesBackInTime()
    {
        var db = await DatabaseAsync();
        var token = await AddTokenAsync(db, maxUses: 3);
        var (a, b, c) = (NewDevice(), NewDevice(), NewDevice());
        foreach (var d in new[] { a, b, c })
        {
            await Devices(db).EnrollAsync(d, token.Id, Now, Ct);
        }

        await Devices(db).ApplyCheckInsAsync(
            [new(a.Id, Now.AddSeconds(10), "1.0", "pi", "{\"cpuCount\":4}"), new(b.Id, Now.AddSeconds(20), "2.0", "jetson", "{}")], Ct);
        await Devices(db).ApplyCheckInsAsync([new(a.Id, Now.AddSeconds(5), "0.9", "old", "{}")], Ct);

        var storedA = (await Devices(db).GetAsync(a.Id, Ct))!;
        Assert.Equal(Now.AddSeconds(10), storedA.LastSeenAt);
        Assert.Equal(("1.0", "pi", "{\"cpuCount\":4}"), (storedA.AgentVersion, storedA.DeviceClass, storedA.SystemJson));
        Assert.Equal(Now.AddSeconds(20), (await Devices(db).GetAsync(b.Id, Ct))!.LastSeenAt);
        Assert.Null((await Devices(db).GetAsync(c.Id, Ct))!.LastSeenAt);
    }

    [Fact]
    public async Task RevokeAsync_TwiceAndCheckIn_KeepsFirstRevocationTime()
    {
        var db = await DatabaseAsync();
        var device = await EnrollAsync(db);

        Assert.True(await Devices(db).RevokeAsync(device.Id, Now.AddMinutes(1), Ct));
        Assert.True(await Devices(db).RevokeAsync(device.Id, Now.AddMinutes(2), Ct));
        await Devices(db).ApplyCheckInsAsync([new(device.Id, Now.AddMinutes(3), "1", "x", "{}")], Ct);

        Assert.Equal(Now.AddMinutes(1), (await Devices(db).GetAsync(device.Id, Ct))!.RevokedAt);
        Assert.False(await Devices(db).RevokeAsync("dev-unknown", Now, Ct));
    }

    [Fact]
    public async Task ReplaceCertificateAsync_Active_KeepsOnlyCurrentAndPrevious_RevokedRefused()
    {
        var db = await DatabaseAsync();
        var device = await EnrollAsync(db);

        Assert.True(await Devices(db).ReplaceCertificateAsync(device.Id, "02", Now.AddDays(60), Ct));
        Assert.True(await Devices(db).ReplaceCertificateAsync(device.Id, "03", Now.AddDays(90), Ct));
        var stored = (await Devices(db).GetAsync(device.Id, Ct))!;
        Assert.Equal(("03", "02", Now.AddDays(90)), (stored.CertificateSerial, stored.PreviousCertificateSerial, stored.CertificateNotAfter));

        await Devices(db).RevokeAsync(device.Id, Now, Ct);
        Assert.False(await Devices(db).ReplaceCertificateAsync(device.Id, "04", Now.AddDays(90), Ct));
    }

    [Fact]
    public async Task GetCredentialAsync_FollowsRenewalAndRevocation_UnknownIsNull()
    {
        var db = await DatabaseAsync();
        var device = await EnrollAsync(db);
        Assert.True(await Devices(db).ReplaceCertificateAsync(device.Id, "0a", Now.AddDays(60), Ct));

        var active = (await Devices(db).GetCredentialAsync(device.Id, Ct))!;
        Assert.Equal(new DeviceCredential(device.Id, "0a", device.CertificateSerial, null), active);

        await Devices(db).RevokeAsync(device.Id, Now, Ct);
        Assert.Equal(Now, (await Devices(db).GetCredentialAsync(device.Id, Ct))!.RevokedAt);
        Assert.Null(await Devices(db).GetCredentialAsync("dev-unknown", Ct));
    }

    [Fact]
    public async Task ListAsync_Filters_BySiteTagStatusAndPages()
    {
        var db = await DatabaseAsync();
        var token = await AddTokenAsync(db, maxUses: 10);
        var online = NewDevice("north", [$"cam{unique}", $"t{unique}"]);
        var offline = NewDevice("north", [$"cam{unique}x", $"t{unique}"]);
        var revoked = NewDevice("south", [$"cam{unique}", $"t{unique}"]);
        var never = NewDevice("south", [$"t{unique}"]);
        foreach (var d in new[] { online, offline, revoked, never })
        {
            await Devices(db).EnrollAsync(d, token.Id, Now, Ct);
        }

        await Devices(db).ApplyCheckInsAsync([new(online.Id, Now, "1", "c", "{}"), new(offline.Id, Now.AddHours(-1), "1", "c", "{}")], Ct);
        await Devices(db).RevokeAsync(revoked.Id, Now, Ct);
        var since = Now.AddMinutes(-1);

        // Restrict to this test's devices: the tag is unique per test, the sites too.
        var mine = new[] { online.Id, offline.Id, revoked.Id, never.Id }.ToHashSet();
        async Task<string[]> Ids(DeviceQuery q) => [.. (await Devices(db).ListAsync(q, Ct)).Items.Select(d => d.Id).Where(mine.Contains)];
        Assert.Equal([online.Id, offline.Id], await Ids(new() { OnlineSince = since, Site = online.Site }));
        Assert.Equal([online.Id, revoked.Id], await Ids(new() { OnlineSince = since, Tag = $"cam{unique}" }));
        Assert.Equal([online.Id], await Ids(new() { OnlineSince = since, Status = DeviceStatus.Online }));
        Assert.Equal([offline.Id, never.Id], await Ids(new() { OnlineSince = since, Status = DeviceStatus.Offline }));
        Assert.Equal([revoked.Id], await Ids(new() { OnlineSince = since, Status = DeviceStatus.Revoked }));
        var page = await Devices(db).ListAsync(new() { OnlineSince = since, Tag = $"t{unique}", Limit = 2, Offset = 2 }, Ct);
        Assert.Equal(4, page.Total);
        Assert.Equal([revoked.Id, never.Id], page.Items.Select(d => d.Id));
    }

    [Fact]
    public async Task ListAsync_Filters_ByRunningReleaseAndSearch()
    {
        var db = await DatabaseAsync();
        var token = await AddTokenAsync(db, maxUses: 10);
        var a = NewDevice("rel") with { Hostname = $"Gate-Cam-{unique}" };
        var b = NewDevice("rel") with { Hostname = null };
        var c = NewDevice("rel") with { Hostname = $"shelf-{unique}" };
        foreach (var d in new[] { a, b, c })
        {
            await Devices(db).EnrollAsync(d, token.Id, Now, Ct);
        }

        await Devices(db).ApplyCheckInsAsync(
            [new(a.Id, Now, "1", "c", "{}", CurrentRelease: $"vision-{unique}@1.2.0"), new(b.Id, Now, "1", "c", "{}", CurrentRelease: $"vision-{unique}@1.1.0")],
            Ct);

        async Task<string[]> Ids(DeviceQuery q) => [.. (await Devices(db).ListAsync(q, Ct)).Items.Select(d => d.Id)];
        Assert.Equal([a.Id], await Ids(new() { OnlineSince = Now, Release = $"vision-{unique}@1.2.0" }));
        Assert.Empty(await Ids(new() { OnlineSince = Now, Release = $"vision-{unique}@1.2" })); // exact, not a prefix
        // Case-insensitive substring of the hostname or the id; a device without hostname is still found by id.
        Assert.Equal([a.Id], await Ids(new() { OnlineSince = Now, Search = $"gate-CAM-{unique}" }));
        Assert.Equal([b.Id], await Ids(new() { OnlineSince = Now, Search = b.Id[4..].ToUpperInvariant() }));
        Assert.Equal([a.Id, b.Id, c.Id], await Ids(new() { OnlineSince = Now, Search = unique.ToUpperInvariant(), Site = a.Site }));
        Assert.Equal([c.Id], await Ids(new() { OnlineSince = Now, Search = $"SHELF-{unique}", Site = c.Site }));
        var page = await Devices(db).ListAsync(new() { OnlineSince = Now, Search = "%", Site = a.Site }, Ct);
        Assert.Equal(0, page.Total); // no LIKE wildcards: the needle is literal text
    }

    [Fact]
    public async Task AdminTokens_AddFindRevoke_RoundTrip()
    {
        var db = await DatabaseAsync();
        var store = new AdoAdminTokenStore(db);
        var token = new AdminTokenRecord { Id = $"adm-{unique}", TokenHash = $"hash-{unique}", Name = "ci", Role = AdminRole.Operator, CreatedAt = Now };

        await store.AddAsync(token, Ct);

        Assert.True(await store.AnyAsync(Ct));
        Assert.Equal(token, await store.FindByHashAsync(token.TokenHash, Ct));
        Assert.Null(await store.FindByHashAsync("no-such-hash", Ct));
        Assert.Equal(Now.AddHours(1), (await store.RevokeAsync(token.Id, Now.AddHours(1), Ct))!.RevokedAt);
        Assert.Equal(Now.AddHours(1), (await store.RevokeAsync(token.Id, Now.AddHours(2), Ct))!.RevokedAt);
        Assert.Null(await store.RevokeAsync("adm-unknown", Now, Ct));
        Assert.Contains(await store.ListAsync(Ct), t => t.Id == token.Id);
    }

    [Fact]
    public async Task EnrollmentTokens_AddFindListRevoke_RoundTrip()
    {
        var db = await DatabaseAsync();
        var token = await AddTokenAsync(db, maxUses: 3);

        var found = await Tokens(db).FindByHashAsync(token.TokenHash, Ct);
        Assert.Equal(token, found! with { Tags = token.Tags });
        Assert.Equal(token.Tags, found.Tags);
        Assert.Contains(await Tokens(db).ListAsync(Ct), t => t.Id == token.Id);
        Assert.Equal(Now, (await Tokens(db).RevokeAsync(token.Id, Now, Ct))!.RevokedAt);
        Assert.Null(await Tokens(db).RevokeAsync("enr-unknown", Now, Ct));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SchemaMigrator Migrator(StoreDatabase db) =>
        new(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance);

    private static AdoDeviceStore Devices(StoreDatabase db) => new(db);

    private static AdoEnrollmentTokenStore Tokens(StoreDatabase db) => new(db);

    private async Task<EnrollmentTokenRecord> AddTokenAsync(StoreDatabase db, int maxUses, DateTimeOffset? expiresAt = null)
    {
        var id = $"enr-{unique}-{Interlocked.Increment(ref sequence)}";
        var token = new EnrollmentTokenRecord
        {
            Id = id, TokenHash = $"hash-{id}", Site = "site-a", Tags = ["t"], MaxUses = maxUses,
            CreatedAt = Now.AddHours(-1), ExpiresAt = expiresAt ?? Now.AddHours(1),
        };
        await Tokens(db).AddAsync(token, Ct);
        return token;
    }

    private async Task<DeviceRecord> EnrollAsync(StoreDatabase db)
    {
        var token = await AddTokenAsync(db, maxUses: 1);
        var device = NewDevice();
        Assert.Equal(EnrollOutcome.Enrolled, await Devices(db).EnrollAsync(device, token.Id, Now, Ct));
        return device;
    }

    private DeviceRecord NewDevice(string site = "site-a", IReadOnlyList<string>? tags = null) => new()
    {
        Id = $"dev-{unique}-{Interlocked.Increment(ref sequence):D4}",
        Hostname = "host",
        Site = $"{site}-{unique}",
        Tags = tags ?? ["t"],
        EnrolledAt = Now.AddSeconds(sequence),
        CertificateSerial = "01",
        CertificateNotAfter = Now.AddDays(30),
    };
}
