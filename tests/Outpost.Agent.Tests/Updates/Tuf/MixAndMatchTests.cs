using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>Mix-and-match attacks: validly signed files from different moments combined (TUF 5.5.2, 5.5.4, 5.6.2, 5.6.4).</summary>
public sealed class MixAndMatchTests
{
    [Fact]
    public async Task RefreshAsync_OldTargetsServedUnderNewName_RefusedByHash()
    {
        await using var client = await TufClientFixture.StartAsync();
        var oldTargets = client.Repository.MetadataFiles["1.targets.json"];
        client.Repository.Artifacts["releases/app/2.0.0/app.tar.gz"] = "two"u8.ToArray();
        client.Repository.Publish();
        client.Repository.MetadataFiles["2.targets.json"] = oldTargets;

        var refusal = await client.RefusedAsync(TufRoles.Targets, client.RefreshAsync);

        Assert.True(refusal.Failure is TufFailure.HashMismatch or TufFailure.LengthMismatch, refusal.Message);
    }

    [Fact]
    public async Task RefreshAsync_OldTargetsWhenSnapshotListsOnlyVersions_RefusedByVersion()
    {
        await using var client = await TufClientFixture.StartAsync();
        var oldTargets = client.Repository.MetadataFiles["1.targets.json"];
        client.Repository.Publish();
        client.Repository.PublishSnapshot(new MetaFile(2));
        client.Repository.MetadataFiles["2.targets.json"] = oldTargets;

        var refusal = await client.RefusedAsync(TufRoles.Targets, client.RefreshAsync);

        Assert.Equal(TufFailure.VersionMismatch, refusal.Failure);
    }

    [Fact]
    public async Task RefreshAsync_OldSnapshotServedUnderNewName_Refused()
    {
        await using var client = await TufClientFixture.StartAsync();
        var oldSnapshot = client.Repository.MetadataFiles["1.snapshot.json"];
        client.Repository.Publish();
        client.Repository.MetadataFiles["2.snapshot.json"] = oldSnapshot;

        var refusal = await client.RefusedAsync(TufRoles.Snapshot, client.RefreshAsync);

        Assert.True(refusal.Failure is TufFailure.HashMismatch or TufFailure.LengthMismatch, refusal.Message);
        Assert.Null(client.Stored(TufRoles.Snapshot));
    }
}
