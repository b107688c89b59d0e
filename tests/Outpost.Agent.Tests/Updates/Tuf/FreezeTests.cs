using Outpost.Trust.Tuf;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>Freeze attacks: the client is kept on metadata that expired (TUF 5.3.10, 5.4.4, 5.5.6, 5.6.5).</summary>
public sealed class FreezeTests
{
    [Theory]
    [InlineData(TufRoles.Root)]
    [InlineData(TufRoles.Timestamp)]
    [InlineData(TufRoles.Snapshot)]
    [InlineData(TufRoles.Targets)]
    public async Task RefreshAsync_RepositoryFrozenPastExpiry_Refused(string role)
    {
        var repository = new TufTestRepository();
        repository.Expires[role] = TufTestRepository.Now.AddHours(1);
        repository.PublishRoot();
        repository.Publish();
        await using var client = await TufClientFixture.StartAsync(repository);
        await client.RefreshAsync();

        // The attacker keeps serving exactly these files; the clock moves on.
        client.Time.Advance(TimeSpan.FromHours(2));
        var refusal = await Assert.ThrowsAsync<TufException>(client.RefreshAsync);

        Assert.Equal(TufFailure.Expired, refusal.Failure);
        Assert.Equal(role, refusal.Role);
        Assert.Contains("freeze", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadAsync_TimestampExpired_RefusesEvenACachedTarget()
    {
        var repository = new TufTestRepository();
        repository.Expires[TufRoles.Timestamp] = TufTestRepository.Now.AddHours(1);
        repository.Publish();
        await using var client = await TufClientFixture.StartAsync(repository);
        await client.DownloadAsync("releases/app/1.0.0/app.tar.gz");
        client.Time.Advance(TimeSpan.FromHours(2));

        var refusal = await Assert.ThrowsAsync<TufException>(() => client.DownloadAsync("releases/app/1.0.0/app.tar.gz"));

        Assert.Equal(TufFailure.Expired, refusal.Failure);
    }
}
