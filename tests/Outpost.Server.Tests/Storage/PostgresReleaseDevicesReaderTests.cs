using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Storage;

public sealed class PostgresReleaseDevicesReaderTests(PostgresDatabaseFixture fixture)
    : ReleaseDevicesReaderContractTests, IClassFixture<PostgresDatabaseFixture>
{
    internal override Task<StoreDatabase> CreateDatabaseAsync() => Task.FromResult(
        StorageServiceCollectionExtensions.CreateDatabase(
            new StorageOptions { Provider = "postgres", ConnectionString = fixture.ConnectionString }, Path.GetTempPath()));
}
