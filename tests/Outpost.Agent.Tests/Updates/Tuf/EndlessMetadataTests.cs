using Outpost.Trust.Tuf;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>Endless data attacks on metadata: every metadata download has a byte cap (TUF 5.3.3, 5.4.1, 5.5.1, 5.6.1).</summary>
public sealed class EndlessMetadataTests
{
    [Theory]
    [InlineData("2.root.json", TufRoles.Root)]
    [InlineData("timestamp.json", TufRoles.Timestamp)]
    public async Task RefreshAsync_EndlessMetadataOfUnknownLength_CutOffAtTheCap(string file, string role)
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Server.Misbehave = async (context, name) =>
        {
            if (name != file)
            {
                return false;
            }

            await TufTestServer.SendEndlesslyAsync(context, new byte[64 * 1024]);
            return true;
        };

        var refusal = await client.RefusedAsync(role, client.RefreshAsync);

        Assert.Equal(TufFailure.LengthMismatch, refusal.Failure);
        Assert.Equal(role, refusal.Role);
        Assert.Contains("exceeds 524288 bytes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAsync_TimestampAboveConfiguredCap_Refused()
    {
        await using var client = await TufClientFixture.StartAsync();

        var refusal = await Assert.ThrowsAsync<TufException>(() =>
            client.Updater(o => new() { MetadataDirectory = o.MetadataDirectory, MetadataUrl = o.MetadataUrl, MaxTimestampBytes = 100 })
                .RefreshAsync(TestContext.Current.CancellationToken));

        Assert.Equal(TufFailure.LengthMismatch, refusal.Failure);
        Assert.Null(client.Stored(TufRoles.Timestamp));
    }

    [Theory]
    [InlineData("1.snapshot.json", TufRoles.Snapshot)]
    [InlineData("1.targets.json", TufRoles.Targets)]
    public async Task RefreshAsync_MetadataLongerThanItsListedLength_Refused(string file, string role)
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.MetadataFiles[file] = [.. client.Repository.MetadataFiles[file], .. "    "u8.ToArray()];

        var refusal = await client.RefusedAsync(role, client.RefreshAsync);

        Assert.Equal(TufFailure.LengthMismatch, refusal.Failure);
        Assert.Equal(role, refusal.Role);
    }
}
