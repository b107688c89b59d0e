using Outpost.Trust.Tuf;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>Threshold not met and signatures stripped: every role's metadata needs a threshold of its keys.</summary>
public sealed class SignatureTests
{
    [Fact]
    public async Task RefreshAsync_NewRootSignedByOneOfTwoRequiredKeys_Refused()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.PublishRoot(signers: [TufTestRepository.Key(0)]);

        var refusal = await client.RefusedAsync(TufRoles.Root, client.RefreshAsync);

        Assert.Equal(TufFailure.ThresholdNotMet, refusal.Failure);
    }

    [Fact]
    public async Task RefreshAsync_TargetsSignedByOneOfTwoRequiredKeys_Refused()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.Keys[TufRoles.Targets] = [TufTestRepository.Key(10), TufTestRepository.Key(11)];
        client.Repository.Thresholds[TufRoles.Targets] = 2;
        client.Repository.PublishRoot();
        client.Repository.Publish();
        var targets = client.Repository.MetadataFiles["2.targets.json"];
        client.Repository.ReplaceTargets(TufTestRepository.KeepSignatures(targets, 1));

        var refusal = await client.RefusedAsync(TufRoles.Targets, client.RefreshAsync);

        Assert.Equal(TufFailure.ThresholdNotMet, refusal.Failure);
        Assert.Null(client.Stored(TufRoles.Targets));
    }

    [Fact]
    public async Task RefreshAsync_TimestampSignedByAnUnlistedKey_Refused()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.Keys[TufRoles.Timestamp] = [TufTestRepository.Key(99)];
        client.Repository.Publish();

        var refusal = await client.RefusedAsync(TufRoles.Timestamp, client.RefreshAsync);

        Assert.Equal(TufFailure.ThresholdNotMet, refusal.Failure);
    }

    [Theory]
    [InlineData("2.root.json", TufRoles.Root)]
    [InlineData("timestamp.json", TufRoles.Timestamp)]
    [InlineData("1.snapshot.json", TufRoles.Snapshot)]
    [InlineData("1.targets.json", TufRoles.Targets)]
    public async Task RefreshAsync_SignaturesStripped_Refused(string file, string role)
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.PublishRoot();
        var stripped = TufTestRepository.KeepSignatures(client.Repository.MetadataFiles[file], 0);
        switch (role)
        {
            case TufRoles.Targets:
                client.Repository.ReplaceTargets(stripped);
                break;
            case TufRoles.Snapshot:
                // Timestamp re-signed over the stripped snapshot, so only its signatures are wrong.
                client.Repository.MetadataFiles[file] = stripped;
                client.Repository.PublishTimestamp(new(1, stripped.Length, new Dictionary<string, string>
                {
                    ["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stripped)),
                }));
                break;
            default:
                client.Repository.MetadataFiles[file] = stripped;
                break;
        }

        var refusal = await client.RefusedAsync(role, client.RefreshAsync);

        Assert.Equal(TufFailure.ThresholdNotMet, refusal.Failure);
        Assert.Equal(role, refusal.Role);
    }
}
