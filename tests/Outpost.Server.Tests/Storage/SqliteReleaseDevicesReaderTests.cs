using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Storage;

public sealed class SqliteReleaseDevicesReaderTests : ReleaseDevicesReaderContractTests
{
    private readonly string directory = Directory.CreateTempSubdirectory("outpost-release-devices-").FullName;

    internal override Task<StoreDatabase> CreateDatabaseAsync() =>
        Task.FromResult(StorageServiceCollectionExtensions.CreateDatabase(new StorageOptions(), directory));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
