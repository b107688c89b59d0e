using Outpost.Cli.Keys;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Cli.Tests.Keys;

public sealed class RotateRootTests
{
    [Fact]
    public async Task RotateRoot_NewKeys_V2VerifiesUnderV1AndV2ThresholdsAndIsUploaded()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        var v1Bytes = File.ReadAllBytes(Path.Combine(repo.Dir, "root.json"));
        var v1 = MetadataParser.Parse<RootMetadata>(v1Bytes).Signed;

        var result = await repo.Cli.RunAsync("keys", "rotate-root", "--dir", repo.Dir, "--new-root-keys", "3", "--new-root-threshold", "2");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var v2Bytes = File.ReadAllBytes(Path.Combine(repo.Dir, "root.json"));
        Assert.Equal(v2Bytes, File.ReadAllBytes(Path.Combine(repo.Dir, "2.root.json")));
        var v2 = MetadataParser.Parse<RootMetadata>(v2Bytes);
        Assert.Equal(2, v2.Signed.Version);
        Assert.Equal(2, SignatureThreshold.CountValid(v2.Envelope, v1.Role(TufRoles.Root), v1.Keys));
        Assert.Equal(3, SignatureThreshold.CountValid(v2.Envelope, v2.Signed.Role(TufRoles.Root), v2.Signed.Keys));
        Assert.Empty(v2.Signed.Role(TufRoles.Root).KeyIds.Intersect(v1.Role(TufRoles.Root).KeyIds));
        foreach (var role in new[] { TufRoles.Targets, TufRoles.Snapshot, TufRoles.Timestamp })
        {
            Assert.Equal(v1.Role(role).KeyIds, v2.Signed.Role(role).KeyIds);
            Assert.Equal(v1.Role(role).Threshold, v2.Signed.Role(role).Threshold);
        }
        // What an agent holding v1 does (TUF 5.3.4, 5.3.5).
        new TrustedMetadataSet(v1Bytes, StubData.Now).UpdateRoot(v2Bytes);
        Assert.Equal(2, repo.Server.Roots.Count);
        Assert.Equal(v2Bytes, repo.Server.Roots[1]);

        var current = Directory.GetFiles(repo.KeysDir, "root-*.key").Select(f => KeyFile.Read(f, null).KeyId).Order(StringComparer.Ordinal);
        Assert.Equal(v2.Signed.Role(TufRoles.Root).KeyIds.Order(StringComparer.Ordinal), current);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(repo.KeysDir, "retired", "v1")).Length);
        Assert.All(Directory.GetFiles(repo.KeysDir, "*.key", SearchOption.AllDirectories),
            TufTestRepo.AssertPrivate);
    }

    [Fact]
    public async Task RotateRoot_Twice_ChainVerifiesStepByStep()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();

        Assert.Equal(0, (await repo.Cli.RunAsync("keys", "rotate-root", "--dir", repo.Dir)).ExitCode);
        var third = await repo.Cli.RunAsync("keys", "rotate-root", "--dir", repo.Dir);

        Assert.True(third.ExitCode == 0, third.Stderr);
        var set = new TrustedMetadataSet(File.ReadAllBytes(Path.Combine(repo.Dir, "1.root.json")), StubData.Now);
        set.UpdateRoot(File.ReadAllBytes(Path.Combine(repo.Dir, "2.root.json")));
        set.UpdateRoot(File.ReadAllBytes(Path.Combine(repo.Dir, "3.root.json")));
        Assert.Equal(3, repo.Server.Roots.Count);
    }

    [Fact]
    public async Task RotateRoot_ServerRefuses_ReasonSurfacesAndRepositoryIsUnchanged()
    {
        await using var repo = await TufTestRepo.StartAsync();
        await repo.InitAsync();
        var before = File.ReadAllBytes(Path.Combine(repo.Dir, "root.json"));
        var keysBefore = Directory.GetFiles(repo.KeysDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Order(StringComparer.Ordinal).ToArray();
        repo.Server.RefuseRoots = "root threshold of version 1 not met";

        var result = await repo.Cli.RunAsync("keys", "rotate-root", "--dir", repo.Dir);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("server refused the root: root threshold of version 1 not met", result.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(repo.Dir, "root.json")));
        Assert.False(File.Exists(Path.Combine(repo.Dir, "2.root.json")));
        Assert.Equal(keysBefore, Directory.GetFiles(repo.KeysDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RotateRoot_NoRepository_OneLineErrorNamingDir()
    {
        await using var repo = await TufTestRepo.StartAsync();

        var result = await repo.Cli.RunAsync("keys", "rotate-root", "--dir", repo.Dir);

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
        Assert.Contains("--dir", result.SingleErrorLine(), StringComparison.Ordinal);
    }
}
