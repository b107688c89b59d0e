using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>Root rotation chains (TUF 5.3), fast-forward recovery (5.3.11) and interrupted updates.</summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task RefreshAsync_ThreeRootRotations_WalksTheChainAndPersistsTheLast()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.RotateRootKeys(TufTestRepository.Key(2));
        client.Repository.RotateRootKeys(TufTestRepository.Key(3), TufTestRepository.Key(4));
        client.Repository.RotateRootKeys(TufTestRepository.Key(5));

        await client.RefreshAsync();

        Assert.Equal(client.Repository.Root(4), client.Stored(TufRoles.Root));
        Assert.Equal(["/metadata/2.root.json", "/metadata/3.root.json", "/metadata/4.root.json", "/metadata/5.root.json"],
            client.Server.Requests.Take(4));
    }

    [Fact]
    public async Task RefreshAsync_InterruptedMidChain_RestartsFromThePersistedStep()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.RotateRootKeys(TufTestRepository.Key(2));
        client.Repository.RotateRootKeys(TufTestRepository.Key(3));
        client.Repository.RotateRootKeys(TufTestRepository.Key(4));
        // The connection dies while fetching step 3, as if the device lost power or network there.
        client.Server.Misbehave = (context, name) =>
        {
            if (name != "3.root.json")
            {
                return Task.FromResult(false);
            }

            context.Abort();
            return Task.FromResult(true);
        };

        var failure = await Assert.ThrowsAnyAsync<Exception>(client.RefreshAsync);
        Assert.True(failure is HttpRequestException or IOException, failure.ToString());
        Assert.Equal(client.Repository.Root(2), client.Stored(TufRoles.Root));

        client.Server.Misbehave = null;
        client.Server.Requests.Clear();
        await client.RefreshAsync();

        Assert.Equal("/metadata/3.root.json", client.Server.Requests.First());
        Assert.DoesNotContain("/metadata/2.root.json", client.Server.Requests);
        Assert.Equal(client.Repository.Root(4), client.Stored(TufRoles.Root));
    }

    [Fact]
    public async Task RefreshAsync_MoreRotationsThanTheCap_StopsAtTheCapAndContinuesNextTime()
    {
        await using var client = await TufClientFixture.StartAsync();
        for (var i = 2; i <= 5; i++)
        {
            client.Repository.RotateRootKeys(TufTestRepository.Key(i));
        }

        var updater = client.Updater(o => new()
        {
            MetadataDirectory = o.MetadataDirectory,
            MetadataUrl = o.MetadataUrl,
            MaxRootRotations = 2,
        });
        await updater.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, client.StoredVersion(TufRoles.Root));
        Assert.DoesNotContain("/metadata/4.root.json", client.Server.Requests);

        await updater.RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(5, client.StoredVersion(TufRoles.Root));
    }

    [Fact]
    public async Task RefreshAsync_NewRootNotSignedByTheOldKeys_RefusedAndOldRootKept()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.Keys[TufRoles.Root] = [TufTestRepository.Key(2)];
        client.Repository.Thresholds[TufRoles.Root] = 1;
        client.Repository.PublishRoot();

        var refusal = await client.RefusedAsync(TufRoles.Root, client.RefreshAsync);

        Assert.Equal(TufFailure.ThresholdNotMet, refusal.Failure);
        Assert.Equal(1, client.StoredVersion(TufRoles.Root));
    }

    [Theory]
    [InlineData(TufRoles.Timestamp)]
    [InlineData(TufRoles.Snapshot)]
    public async Task RefreshAsync_FastForwardedRoleKeyRotated_RecoversWithLowerVersions(string role)
    {
        await using var client = await TufClientFixture.StartAsync();
        // A compromised online key fast-forwards the client to version 1000.
        client.Repository.TimestampVersion = 999;
        client.Repository.SnapshotVersion = 999;
        client.Repository.Publish();
        await client.RefreshAsync();
        Assert.Equal(1000, client.StoredVersion(role));

        // Without a key rotation, the honest lower versions are a rollback.
        client.Repository.TimestampVersion = 1;
        client.Repository.SnapshotVersion = 1;
        client.Repository.Publish();
        await Assert.ThrowsAsync<TufException>(client.RefreshAsync);

        // The operator rotates the compromised key in root: the client deletes its stored copies and recovers.
        client.Repository.Keys[role] = [TufTestRepository.Key(40)];
        client.Repository.PublishRoot();
        client.Repository.TimestampVersion = 2;
        client.Repository.SnapshotVersion = 2;
        client.Repository.Publish();
        await client.RefreshAsync();

        Assert.Equal(3, client.StoredVersion(TufRoles.Timestamp));
        Assert.Equal(3, client.StoredVersion(TufRoles.Snapshot));
    }

    [Fact]
    public async Task RefreshAsync_TargetsKeyRotated_AcceptsTargetsSignedByTheNewKeyOnly()
    {
        await using var client = await TufClientFixture.StartAsync();
        await client.RefreshAsync();
        client.Repository.Keys[TufRoles.Targets] = [TufTestRepository.Key(11)];
        client.Repository.PublishRoot();
        client.Repository.Publish();

        await client.RefreshAsync();

        var targets = MetadataParser.Parse<TargetsMetadata>(client.Stored(TufRoles.Targets));
        Assert.Equal(2, targets.Signed.Version);
        Assert.Equal(TufTestRepository.Key(11).KeyId, Assert.Single(targets.Envelope.Signatures).KeyId);
    }
}
