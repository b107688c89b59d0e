using System.Security.Cryptography;
using System.Text;
using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tests.Tuf.Client;

/// <summary>TUF 5.6.7: delegated targets and the pre-order depth-first search.</summary>
public sealed class DelegationTests
{
    private static readonly TufSigningKey TeamKey = TestKeys.Get(TufSchemes.Ed25519, 60);
    private static readonly TufSigningKey OtherKey = TestKeys.Get(TufSchemes.EcdsaP256, 60);

    private static DelegatedRole Role(string name, TufSigningKey key, bool terminating, params string[] paths) =>
        new(name, new RoleKeys([key.KeyId], 1), terminating, paths);

    private static void Delegate(TestRepository repo, DelegatedRole role, TufSigningKey signer, string delegator = TufRoles.Targets,
        params (string Path, string Content)[] files) =>
        repo.Delegated.Add((role, [signer], files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Content)), delegator));

    private static async Task<(TargetMatch? Match, List<string> Fetched)> Find(TestRepository repo, string path, int maxRoles = 32)
    {
        repo.Publish();
        var set = TestClient.Start(repo.Root).Refresh(repo);
        var fetched = new List<string>();
        var match = await TargetResolver.FindAsync(set, path, (role, _) =>
        {
            fetched.Add(role);
            return ValueTask.FromResult<ReadOnlyMemory<byte>>(repo.DelegatedFiles[role]);
        }, maxRoles, TestContext.Current.CancellationToken);
        return (match, fetched);
    }

    [Fact]
    public async Task FindAsync_TargetInTopLevelTargets_FoundWithoutFetching()
    {
        var (match, fetched) = await Find(new TestRepository(), "app/1.0/app.tar.gz");

        Assert.Equal(TufRoles.Targets, match!.Role);
        Assert.Empty(fetched);
    }

    [Fact]
    public async Task FindAsync_TargetInDelegatedRole_FoundAndVerified()
    {
        var repo = new TestRepository();
        Delegate(repo, Role("team", TeamKey, false, "team/*"), TeamKey, files: ("team/tool.bin", "tool"));

        var (match, fetched) = await Find(repo, "team/tool.bin");

        Assert.Equal("team", match!.Role);
        Assert.Equal(4, match.File.Length);
        Assert.Equal(["team"], fetched);
    }

    [Fact]
    public async Task FindAsync_RoleListsPathOutsideItsDelegation_NotFound()
    {
        var repo = new TestRepository();
        Delegate(repo, Role("team", TeamKey, false, "team/*"), TeamKey, files: ("app/1.0/evil.bin", "evil"));

        var (match, fetched) = await Find(repo, "app/1.0/evil.bin");

        Assert.Null(match);
        Assert.Empty(fetched);
    }

    [Theory]
    [InlineData(true, null)]
    [InlineData(false, "second")]
    public async Task FindAsync_FirstMatchingRoleTerminating_LaterRolesNotSearched(bool terminating, string? expectedRole)
    {
        var repo = new TestRepository();
        Delegate(repo, Role("first", TeamKey, terminating, "shared/*"), TeamKey);
        Delegate(repo, Role("second", OtherKey, false, "shared/*"), OtherKey, files: ("shared/x", "x"));

        var (match, _) = await Find(repo, "shared/x");

        Assert.Equal(expectedRole, match?.Role);
    }

    [Fact]
    public async Task FindAsync_TwoRolesListTarget_FirstDelegationWins()
    {
        var repo = new TestRepository();
        Delegate(repo, Role("first", TeamKey, false, "shared/*"), TeamKey, files: ("shared/x", "first"));
        Delegate(repo, Role("second", OtherKey, false, "shared/*"), OtherKey, files: ("shared/x", "second!"));

        var (match, _) = await Find(repo, "shared/x");

        Assert.Equal(("first", 5L), (match!.Role, match.File.Length));
    }

    [Fact]
    public async Task FindAsync_DelegationCycle_EachRoleVisitedOnce()
    {
        var repo = new TestRepository();
        Delegate(repo, Role("a", TeamKey, false, "x/*"), TeamKey);
        Delegate(repo, Role("b", OtherKey, false, "x/*"), OtherKey, delegator: "a");
        Delegate(repo, Role("a", TeamKey, false, "x/*"), TeamKey, delegator: "b");

        var (match, fetched) = await Find(repo, "x/missing");

        Assert.Null(match);
        Assert.Equal(["a", "b"], fetched);
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(3, "b")]
    public async Task FindAsync_RoleBudget_BoundsTheWalk(int maxRoles, string? expectedRole)
    {
        var repo = new TestRepository();
        Delegate(repo, Role("a", TeamKey, false, "x/*"), TeamKey);
        Delegate(repo, Role("b", OtherKey, false, "x/*"), OtherKey, delegator: "a", files: ("x/deep", "deep"));

        var (match, _) = await Find(repo, "x/deep", maxRoles);

        Assert.Equal(expectedRole, match?.Role);
    }

    [Fact]
    public async Task FindAsync_DelegatedRoleSignedByWrongKey_ThresholdNotMetNamingRole()
    {
        var repo = new TestRepository();
        Delegate(repo, Role("team", TeamKey, false, "team/*"), OtherKey, files: ("team/tool.bin", "tool"));

        var error = await Assert.ThrowsAsync<TufException>(() => Find(repo, "team/tool.bin"));

        Assert.Equal(("team", TufFailure.ThresholdNotMet), (error.Role, error.Failure));
    }

    [Fact]
    public async Task FindAsync_PathHashPrefixes_MatchOnlyTheirBin()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData("bin/file"u8));
        var other = hash[0] == '0' ? "1" : "0";
        var repo = new TestRepository();
        repo.Delegated.Add((new DelegatedRole("miss", new RoleKeys([OtherKey.KeyId], 1), false, null, [other]),
            [OtherKey], new() { ["bin/file"] = "wrong"u8.ToArray() }, TufRoles.Targets));
        repo.Delegated.Add((new DelegatedRole("hit", new RoleKeys([TeamKey.KeyId], 1), false, null, [hash[..2]]),
            [TeamKey], new() { ["bin/file"] = "right"u8.ToArray() }, TufRoles.Targets));

        var (match, fetched) = await Find(repo, "bin/file");

        Assert.Equal("hit", match!.Role);
        Assert.Equal(["hit"], fetched);
    }

    [Fact]
    public void UpdateDelegatedTargets_VersionOtherThanSnapshotLists_VersionMismatch()
    {
        var repo = new TestRepository();
        Delegate(repo, Role("team", TeamKey, false, "team/*"), TeamKey);
        repo.Publish();
        var stale = repo.DelegatedFiles["team"];
        repo.DelegatedVersion = 2;
        repo.TimestampVersion = repo.SnapshotVersion = 2;
        repo.Publish();
        var set = TestClient.Start(repo.Root).Refresh(repo);

        var error = Assert.Throws<TufException>(() => set.UpdateDelegatedTargets(stale, "team", TufRoles.Targets));

        Assert.Equal(("team", TufFailure.VersionMismatch), (error.Role, error.Failure));
    }

    [Fact]
    public void UpdateDelegatedTargets_RoleNotDelegatedByDelegator_Refused()
    {
        var repo = new TestRepository();
        Delegate(repo, Role("team", TeamKey, false, "team/*"), TeamKey);
        repo.Publish();
        var set = TestClient.Start(repo.Root).Refresh(repo);

        var error = Assert.Throws<TufException>(() => set.UpdateDelegatedTargets(repo.DelegatedFiles["team"], "team", "team"));

        Assert.Equal(TufFailure.MissingMetadata, error.Failure);
    }
}
