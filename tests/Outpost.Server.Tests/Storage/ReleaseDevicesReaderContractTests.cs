using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Storage;

/// <summary>The dashboard's per-release device read on every provider. Release names are unique per test (the PostgreSQL database is shared per class).</summary>
public abstract class ReleaseDevicesReaderContractTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private readonly string unique = Guid.NewGuid().ToString("N")[..8];
    private StoreDatabase? database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

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
    public async Task Count_RunningAndDesiredPerRelease_LeavesRevokedOut()
    {
        var db = await DatabaseAsync();
        var (v1, v2) = ($"app-{unique}@1", $"app-{unique}@2");
        await InsertAsync(db, "a", current: v1, desired: v2);
        await InsertAsync(db, "b", current: v1, desired: v2);
        await InsertAsync(db, "c", current: v1, desired: null);
        await InsertAsync(db, "d", current: v2, desired: v2);
        await InsertAsync(db, "revoked", current: v1, desired: v2, revoked: true);
        await InsertAsync(db, "new", current: null, desired: null);

        var counts = await new AdoReleaseDevicesReader(db).CountAsync(Ct);

        Assert.Equal(new ReleaseDeviceCounts(3, 0), counts[v1]);
        Assert.Equal(new ReleaseDeviceCounts(1, 3), counts[v2]);
    }

    [Fact]
    public async Task ListRunning_FirstPageById_OnlyThatReleaseAndNotRevoked()
    {
        var db = await DatabaseAsync();
        var release = $"app-{unique}@1";
        foreach (var id in new[] { "c", "a", "b" })
        {
            await InsertAsync(db, id, current: release, desired: null);
        }

        await InsertAsync(db, "revoked", current: release, desired: null, revoked: true);
        await InsertAsync(db, "other", current: $"app-{unique}@2", desired: release);

        var reader = new AdoReleaseDevicesReader(db);
        var page = await reader.ListRunningAsync(release, 2, Ct);

        Assert.Equal([$"{unique}-a", $"{unique}-b"], page.Select(d => d.Id));
        Assert.All(page, d => Assert.Equal(release, d.CurrentRelease));
        Assert.Equal(Now, page[0].LastSeenAt);
        Assert.Equal(3, (await reader.ListRunningAsync(release, 50, Ct)).Count);
    }

    private async Task<StoreDatabase> DatabaseAsync()
    {
        if (database is null)
        {
            database = await CreateDatabaseAsync();
            await new SchemaMigrator(database, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance)
                .MigrateAsync(Ct);
        }

        return database;
    }

    private async Task InsertAsync(StoreDatabase db, string id, string? current, string? desired, bool revoked = false)
    {
        await using var connection = await db.OpenAsync(Ct);
        await using var insert = connection.Sql(
            "INSERT INTO devices (id, site, tags_json, enrolled_at, certificate_serial, certificate_not_after, last_seen_at, current_release, desired_release, revoked_at) " +
            "VALUES (@id, @site, '[]', @at, @id, @at, @at, @current, @desired, @revoked);")
            .With("@id", $"{unique}-{id}").With("@site", $"site-{unique}").With("@at", Now)
            .With("@current", current).With("@desired", desired).With("@revoked", revoked ? Now : null);
        await insert.ExecuteNonQueryAsync(Ct);
    }
}
