using Outpost.Server.Storage;
using Outpost.Server.Tests.Storage;

namespace Outpost.Server.Tests.Alerts;

/// <summary>Needs OUTPOST_TEST_POSTGRES (scripts/postgres-up.sh); fails instead of skipping when CI=true.</summary>
public sealed class PostgresAlertStoreTests(PostgresDatabaseFixture fixture)
    : AlertStoreContractTests, IClassFixture<PostgresDatabaseFixture>
{
    internal override Task<StoreDatabase> CreateDatabaseAsync() => Task.FromResult(
        StorageServiceCollectionExtensions.CreateDatabase(
            new StorageOptions { Provider = "postgres", ConnectionString = fixture.ConnectionString }, Path.GetTempPath()));
}
