using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>Rollback attacks: the repository (or an attacker) serves metadata older than what the client trusts.</summary>
public sealed class RollbackTests
{
    [Fact]
    public async Task RefreshAsync_OlderRootServedAsNext_RefusedAsRollback()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.PublishRoot();
        await client.RefreshAsync();
        client.Repository.MetadataFiles["3.root.json"] = client.Repository.Root(1);

        var refusal = await client.RefusedAsync(TufRoles.Root, client.RefreshAsync);

        Assert.Equal(TufFailure.Rollback, refusal.Failure);
        Assert.Equal(2, client.StoredVersion(TufRoles.Root));
    }

    [Fact]
    public async Task RefreshAsync_OlderTimestamp_RefusedAsRollback()
    {
        await using var client = await TufClientFixture.StartAsync();
        var old = client.Repository.Timestamp;
        client.Repository.Publish();
        await client.RefreshAsync();
        client.Repository.MetadataFiles["timestamp.json"] = old;

        var refusal = await client.RefusedAsync(TufRoles.Timestamp, client.RefreshAsync);

        Assert.Equal(TufFailure.Rollback, refusal.Failure);
        Assert.Equal(2, client.StoredVersion(TufRoles.Timestamp));
    }

    [Fact]
    public async Task RefreshAsync_NewTimestampListingOlderSnapshot_RefusedAsRollback()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.Publish();
        await client.RefreshAsync();
        var oldSnapshot = client.Repository.MetadataFiles["1.snapshot.json"];
        client.Repository.PublishTimestamp(new MetaFile(1, oldSnapshot.Length), version: 3);

        var refusal = await client.RefusedAsync(TufRoles.Timestamp, client.RefreshAsync);

        Assert.Equal(TufFailure.Rollback, refusal.Failure);
        Assert.Equal(2, client.StoredVersion(TufRoles.Snapshot));
    }

    [Fact]
    public async Task RefreshAsync_NewSnapshotListingOlderTargets_RefusedAsRollback()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.Publish();
        await client.RefreshAsync();
        var oldTargets = client.Repository.MetadataFiles["1.targets.json"];
        client.Repository.TimestampVersion++;
        client.Repository.SnapshotVersion++;
        client.Repository.PublishSnapshot(new MetaFile(1, oldTargets.Length));

        var refusal = await client.RefusedAsync(TufRoles.Snapshot, client.RefreshAsync);

        Assert.Equal(TufFailure.Rollback, refusal.Failure);
        Assert.Equal(2, client.StoredVersion(TufRoles.Targets));
        Assert.Equal(2, client.StoredVersion(TufRoles.Snapshot));
    }
}
