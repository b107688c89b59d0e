using Outpost.Trust.Tuf;

namespace Outpost.Agent.Tests.Updates.Tuf;

public sealed class TufUpdaterTests
{
    private const string App = "releases/app/1.0.0/app.tar.gz";

    [Fact]
    public async Task RefreshAsync_HealthyRepository_PersistsEveryTopLevelRoleUnversioned()
    {
        await using var client = await TufClientFixture.StartAsync();

        await client.RefreshAsync();

        Assert.Equal(client.Repository.Root(1), client.Stored(TufRoles.Root));
        Assert.Equal(client.Repository.Timestamp, client.Stored(TufRoles.Timestamp));
        Assert.Equal(client.Repository.MetadataFiles["1.snapshot.json"], client.Stored(TufRoles.Snapshot));
        Assert.Equal(client.Repository.MetadataFiles["1.targets.json"], client.Stored(TufRoles.Targets));
        // Consistent snapshots: versioned names for snapshot and targets, and a lookup of the next root.
        Assert.Equal(["/metadata/2.root.json", "/metadata/timestamp.json", "/metadata/1.snapshot.json", "/metadata/1.targets.json"],
            client.Server.Requests);
    }

    [Fact]
    public async Task DownloadAsync_ListedTarget_StoresVerifiedBytesFetchedByHashName()
    {
        await using var client = await TufClientFixture.StartAsync();

        var path = await client.DownloadAsync(App);

        Assert.Equal(client.Repository.Artifacts[App], await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(client.TargetDirectory, Path.GetDirectoryName(path));
        Assert.Contains("/targets/" + client.Repository.TargetUrlPath(App, client.Repository.Artifacts[App]), client.Server.Requests);
    }

    [Fact]
    public async Task DownloadAsync_VerifiedCopyStored_IsNotDownloadedAgainEvenAfterRestart()
    {
        await using var client = await TufClientFixture.StartAsync();
        var url = "/targets/" + client.Repository.TargetUrlPath(App, client.Repository.Artifacts[App]);

        await client.DownloadAsync(App);
        await client.DownloadAsync(App);
        await client.DownloadAsync(App);

        Assert.Equal(1, client.Server.CountOf(url));
    }

    [Fact]
    public async Task DownloadAsync_StoredCopyCorrupted_DownloadsItAgain()
    {
        await using var client = await TufClientFixture.StartAsync();
        var path = await client.DownloadAsync(App);
        await File.WriteAllTextAsync(path, "tampered on disk", TestContext.Current.CancellationToken);

        await client.DownloadAsync(App);

        Assert.Equal(client.Repository.Artifacts[App], await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(2, client.Server.CountOf("/targets/" + client.Repository.TargetUrlPath(App, client.Repository.Artifacts[App])));
    }

    [Fact]
    public async Task RefreshAsync_NothingChanged_DownloadsOnlyRootProbeAndTimestamp()
    {
        await using var client = await TufClientFixture.StartAsync();
        await client.RefreshAsync();
        client.Server.Requests.Clear();

        await client.RefreshAsync();

        Assert.Equal(["/metadata/2.root.json", "/metadata/timestamp.json"], client.Server.Requests);
    }

    [Fact]
    public async Task RefreshAsync_NewRelease_UpdatesEveryRoleAndFindsTheNewTarget()
    {
        await using var client = await TufClientFixture.StartAsync();
        await client.RefreshAsync();
        client.Repository.Artifacts["releases/app/1.1.0/app.tar.gz"] = "version 1.1"u8.ToArray();
        client.Repository.Publish();

        var path = await client.DownloadAsync("releases/app/1.1.0/app.tar.gz");

        Assert.Equal(2, client.StoredVersion(TufRoles.Targets));
        Assert.Equal(2, client.StoredVersion(TufRoles.Snapshot));
        Assert.Equal(2, client.StoredVersion(TufRoles.Timestamp));
        Assert.Equal("version 1.1", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DownloadAsync_WithoutConsistentSnapshots_UsesPlainNames()
    {
        await using var client = await TufClientFixture.StartAsync(new TufTestRepository(consistentSnapshot: false));

        await client.DownloadAsync(App);

        Assert.Contains("/metadata/snapshot.json", client.Server.Requests);
        Assert.Contains("/metadata/targets.json", client.Server.Requests);
        Assert.Contains("/targets/" + App, client.Server.Requests);
    }

    [Fact]
    public async Task RefreshAsync_TrustedFileOpenDuringUpdate_IsReplacedByRenameNotRewrittenInPlace()
    {
        await using var client = await TufClientFixture.StartAsync();
        var rootPath = Path.Combine(client.MetadataDirectory, "root.json");
        await using var reader = new FileStream(rootPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        client.Repository.RotateRootKeys(TufTestRepository.Key(2));

        await client.RefreshAsync();

        // A reader of the old file still sees all of the old content: the new one was written aside and renamed.
        using var old = new MemoryStream();
        await reader.CopyToAsync(old, TestContext.Current.CancellationToken);
        Assert.Equal(client.Repository.Root(1), old.ToArray());
        Assert.Equal(client.Repository.Root(2), client.Stored(TufRoles.Root));
        Assert.Empty(Directory.EnumerateFiles(client.MetadataDirectory, "*.tmp"));
    }

    [Fact]
    public async Task DownloadAsync_NestedTargetPath_IsStoredAsOneFileInsideTargetDirectory()
    {
        var repository = new TufTestRepository();
        repository.Artifacts["a/b/c.bin"] = "nested"u8.ToArray();
        repository.Publish();
        await using var client = await TufClientFixture.StartAsync(repository);

        var path = await client.DownloadAsync("a/b/c.bin");

        Assert.Equal(client.TargetDirectory, Path.GetDirectoryName(path));
        Assert.Equal("a%2Fb%2Fc.bin", Path.GetFileName(path));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("sub/../../evil")]
    public async Task DownloadAsync_TargetPathWithDotSegments_IsRefusedBeforeAnyRequest(string target)
    {
        var repository = new TufTestRepository();
        repository.Artifacts[target] = "escape attempt"u8.ToArray();
        repository.Publish();
        await using var client = await TufClientFixture.StartAsync(repository);

        var refusal = await Assert.ThrowsAsync<TufException>(() => client.DownloadAsync(target));

        Assert.Equal(TufFailure.Format, refusal.Failure);
        Assert.DoesNotContain(client.Server.Requests, r => r.StartsWith("/targets/", StringComparison.Ordinal));
        Assert.Empty(client.DownloadedFiles());
    }
}
