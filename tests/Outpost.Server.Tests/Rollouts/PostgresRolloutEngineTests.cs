using Outpost.Server.Storage;
using Outpost.Server.Tests.Storage;

namespace Outpost.Server.Tests.Rollouts;

/// <summary>The same scenarios on PostgreSQL, one fresh database per test (the engine advances every active rollout it finds).</summary>
public sealed class PostgresRolloutEngineTests : RolloutEngineTests
{
    private readonly PostgresDatabaseFixture database = new();

    internal override Task<StoreDatabase> OpenDatabaseAsync() => Task.FromResult(
        StorageServiceCollectionExtensions.CreateDatabase(
            new StorageOptions { Provider = "postgres", ConnectionString = database.ConnectionString }, Path.GetTempPath()));

    [Fact]
    public async Task TickAsync_AnotherReplicaHoldsTheEngineLock_LeavesRolloutsAlone()
    {
        await Fleet.SeedAsync("replica", 5, 1);
        var id = await Fleet.StartAsync(new Protocol.Rollouts.RolloutSpec { Release = RolloutFleet.NewRelease, Target = new() { Tags = ["replica"] } });
        await using var other = await Fleet.Database.OpenAsync(TestContext.Current.CancellationToken);
        await using (var take = other.Sql(Fleet.Database.Dialect.EngineLockSql!))
        {
            Assert.Equal(true, await take.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        await Fleet.Engine.TickAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Protocol.Rollouts.RolloutState.Pending, (await Fleet.Rollouts.GetAsync(id, TestContext.Current.CancellationToken))!.State);

        await using (var release = other.Sql(Fleet.Database.Dialect.EngineUnlockSql!))
        {
            await release.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        }

        await Fleet.Engine.TickAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Protocol.Rollouts.RolloutState.Running, (await Fleet.Rollouts.GetAsync(id, TestContext.Current.CancellationToken))!.State);
    }

    public override async ValueTask InitializeAsync()
    {
        await database.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}
