using Outpost.Trust.Tuf;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>Delegated targets over HTTP (TUF 5.6.7): fetched by versioned name, verified with the delegator's keys, persisted.</summary>
public sealed class DelegationTests
{
    private const string TeamTarget = "releases/team/1.0.0/model.bin";

    [Fact]
    public async Task DownloadAsync_TargetOfADelegatedRole_FetchesVerifiesAndPersistsTheRole()
    {
        var repository = new TufTestRepository();
        repository.Delegation = ("team", TufTestRepository.Key(50), ["releases/team/*/*"],
            new Dictionary<string, byte[]> { [TeamTarget] = "weights"u8.ToArray() });
        repository.Publish();
        await using var client = await TufClientFixture.StartAsync(repository);

        var path = await client.DownloadAsync(TeamTarget);

        Assert.Equal("weights", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        Assert.Contains("/metadata/2.team.json", client.Server.Requests);
        Assert.Equal(repository.MetadataFiles["2.team.json"], client.Stored("team"));
    }

    [Fact]
    public async Task DownloadAsync_DelegatedRoleSignedByAnotherKey_RefusedAndNotPersisted()
    {
        var repository = new TufTestRepository();
        repository.Delegation = ("team", TufTestRepository.Key(50), ["releases/team/*/*"],
            new Dictionary<string, byte[]> { [TeamTarget] = "weights"u8.ToArray() });
        repository.Publish();
        // An attacker re-signs the delegated role with a key the delegation does not list.
        var forged = repository.MetadataFiles["2.team.json"];
        repository.MetadataFiles["2.team.json"] = Outpost.Trust.Tuf.Verification.MetadataSigner.AddSignatures(
            TufTestRepository.KeepSignatures(forged, 0), [TufTestRepository.Key(51)], "team");
        await using var client = await TufClientFixture.StartAsync(repository);

        var refusal = await Assert.ThrowsAsync<TufException>(() => client.DownloadAsync(TeamTarget));

        Assert.Equal(TufFailure.ThresholdNotMet, refusal.Failure);
        Assert.Null(client.Stored("team"));
        Assert.Empty(client.DownloadedFiles());
    }
}
