using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Trust.Tests.Tuf.Client;

/// <summary>The whole client core from trusted root to verified artifact bytes (TUF 5.2 – 5.7).</summary>
public sealed class ArbitraryInstallationTests
{
    private const string Release = "app/1.0/app.tar.gz";

    private static async Task<TargetMatch?> Resolve(TestRepository repo, string path) =>
        await TargetResolver.FindAsync(TestClient.Start(repo.Root).Refresh(repo), path,
            (_, _) => throw new InvalidOperationException("no delegations"), cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task SignedRelease_ResolvedAndArtifactBytesVerify()
    {
        var repo = new TestRepository();

        var match = await Resolve(repo, Release);

        TargetVerifier.Verify(Release, match!.File, new MemoryStream(repo.Artifacts[Release]));
    }

    [Fact]
    public async Task ReleaseNotInSignedTargets_NotResolved()
    {
        // A compromised control plane can name any file in desired state; only offline-signed targets resolve.
        var repo = new TestRepository();

        Assert.Null(await Resolve(repo, "app/2.0/unsigned.tar.gz"));
    }

    [Theory]
    [InlineData("append", TufFailure.LengthMismatch)]
    [InlineData("swap", TufFailure.HashMismatch)]
    [InlineData("truncate", TufFailure.LengthMismatch)]
    public async Task MirrorAltersArtifact_Refused(string attack, TufFailure expected)
    {
        var repo = new TestRepository();
        var match = await Resolve(repo, Release);
        var bytes = repo.Artifacts[Release];
        byte[] served = attack switch
        {
            "append" => [.. bytes, (byte)'!'],
            "truncate" => bytes[..^1],
            _ => [.. bytes.Reverse()],
        };

        var error = Assert.Throws<TufException>(() => TargetVerifier.Verify(Release, match!.File, new MemoryStream(served)));

        Assert.Equal((Release, expected), (error.Role, error.Failure));
    }
}
