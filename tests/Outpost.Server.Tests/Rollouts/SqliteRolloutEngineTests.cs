using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Rollouts;

public sealed class SqliteRolloutEngineTests : RolloutEngineTests
{
    private readonly string directory = Directory.CreateTempSubdirectory("outpost-rollouts-").FullName;

    internal override Task<StoreDatabase> OpenDatabaseAsync() =>
        Task.FromResult(StorageServiceCollectionExtensions.CreateDatabase(new StorageOptions(), directory));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
