using Outpost.Trust.Tuf;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>A malicious mirror or man in the middle tries to install bytes the targets role did not sign.</summary>
public sealed class ArbitraryInstallationTests
{
    private const string App = "releases/app/1.0.0/app.tar.gz";

    [Fact]
    public async Task DownloadAsync_TargetNotListed_RefusedWithoutFetchingAnything()
    {
        await using var client = await TufClientFixture.StartAsync();
        client.Repository.TargetFiles["releases/evil/1.0.0/evil.sh"] = "rm -rf /"u8.ToArray();

        var refusal = await Assert.ThrowsAsync<TufException>(() => client.DownloadAsync("releases/evil/1.0.0/evil.sh"));

        Assert.Equal(TufFailure.TargetNotFound, refusal.Failure);
        Assert.DoesNotContain(client.Server.Requests, r => r.StartsWith("/targets/", StringComparison.Ordinal));
        Assert.Empty(client.DownloadedFiles());
    }

    [Theory]
    [InlineData("swap", TufFailure.HashMismatch)]
    [InlineData("append", TufFailure.LengthMismatch)]
    [InlineData("truncate", TufFailure.LengthMismatch)]
    public async Task DownloadAsync_MirrorServesOtherBytes_RefusedAndNothingStored(string tampering, TufFailure expected)
    {
        await using var client = await TufClientFixture.StartAsync();
        var genuine = client.Repository.Artifacts[App];
        var url = client.Repository.TargetUrlPath(App, genuine);
        client.Repository.TargetFiles[url] = tampering switch
        {
            "swap" => genuine.Select(b => (byte)(b ^ 0x20)).ToArray(),
            "append" => [.. genuine, (byte)'!'],
            _ => genuine[..^1],
        };

        var refusal = await Assert.ThrowsAsync<TufException>(() => client.DownloadAsync(App));

        Assert.Equal(expected, refusal.Failure);
        Assert.Equal(App, refusal.Role);
        Assert.Empty(client.DownloadedFiles());
    }

    [Fact]
    public async Task DownloadAsync_EndlessTarget_CutOffAtTheListedLength()
    {
        await using var client = await TufClientFixture.StartAsync();
        var url = client.Repository.TargetUrlPath(App, client.Repository.Artifacts[App]);
        client.Server.Misbehave = async (context, name) =>
        {
            if (name != url)
            {
                return false;
            }

            await TufTestServer.SendEndlesslyAsync(context, new byte[64 * 1024]);
            return true;
        };

        var refusal = await Assert.ThrowsAsync<TufException>(() => client.DownloadAsync(App));

        Assert.Equal(TufFailure.LengthMismatch, refusal.Failure);
        Assert.Empty(client.DownloadedFiles());
    }

    [Fact]
    public async Task DownloadAsync_DeclaredContentLengthTooLarge_RefusedBeforeReadingTheBody()
    {
        await using var client = await TufClientFixture.StartAsync();
        var url = client.Repository.TargetUrlPath(App, client.Repository.Artifacts[App]);
        client.Server.Misbehave = async (context, name) =>
        {
            if (name != url)
            {
                return false;
            }

            context.Response.ContentLength = 1L << 40;
            await TufTestServer.SendEndlesslyAsync(context, new byte[1024]);
            return true;
        };

        var refusal = await Assert.ThrowsAsync<TufException>(() => client.DownloadAsync(App));

        Assert.Equal(TufFailure.LengthMismatch, refusal.Failure);
        Assert.Contains("exceeds", refusal.Message, StringComparison.Ordinal);
    }
}
