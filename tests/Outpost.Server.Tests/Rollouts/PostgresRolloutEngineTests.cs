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
