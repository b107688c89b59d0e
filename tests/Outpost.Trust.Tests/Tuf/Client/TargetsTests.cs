using System.Text;
using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Trust.Tests.Tuf.Client;

/// <summary>TUF 5.6: top-level targets.</summary>
public sealed class TargetsTests
{
    private static TrustedMetadataSet UpToSnapshot(TestRepository repo)
    {
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);
        set.UpdateSnapshot(repo.Snapshot);
        return set;
    }

    [Fact]
    public void UpdateTargets_VersionOtherThanSnapshotLists_MixAndMatchRefused()
    {
        var repo = new TestRepository { TargetsVersion = 2 };
        repo.Publish();
        var olderTargets = new TestRepository().Targets;

        var error = Assert.Throws<TufException>(() => UpToSnapshot(repo).UpdateTargets(olderTargets));

        Assert.Equal((TufRoles.Targets, TufFailure.VersionMismatch), (error.Role, error.Failure));
    }

    [Fact]
    public void UpdateTargets_Expired_FreezeRefused()
    {
        var repo = new TestRepository();
        repo.RoleExpires[TufRoles.Targets] = TestRepository.Now.AddHours(-1);
        repo.Publish();

        var error = Assert.Throws<TufException>(() => UpToSnapshot(repo).UpdateTargets(repo.Targets));

        Assert.Equal((TufRoles.Targets, TufFailure.Expired), (error.Role, error.Failure));
    }

    [Fact]
    public void UpdateTargets_SignedByOnlineSnapshotKey_ThresholdNotMet()
    {
        // A compromised server holds the snapshot and timestamp keys, never the offline targets key.
        var repo = new TestRepository();
        var forged = new TestRepository();
        forged.Keys[TufRoles.Targets] = forged.Keys[TufRoles.Snapshot];
        forged.Artifacts["evil/payload.bin"] = "malware"u8.ToArray();
        forged.Publish();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(forged.Timestamp);
        set.UpdateSnapshot(forged.Snapshot);

        var error = Assert.Throws<TufException>(() => set.UpdateTargets(forged.Targets));

        Assert.Equal((TufRoles.Targets, TufFailure.ThresholdNotMet), (error.Role, error.Failure));
        Assert.Null(set.Targets);
    }

    [Fact]
    public void UpdateTargets_SignaturesStripped_ThresholdNotMet()
    {
        var repo = new TestRepository();
        var text = Encoding.UTF8.GetString(repo.Targets);
        var stripped = Encoding.UTF8.GetBytes("{\"signatures\":[]," + text[text.IndexOf("\"signed\"", StringComparison.Ordinal)..]);

        var error = Assert.Throws<TufException>(() => UpToSnapshot(repo).UpdateTargets(stripped));

        Assert.Equal(TufFailure.ThresholdNotMet, error.Failure);
    }

    [Theory]
    [InlineData(false, TufFailure.ThresholdNotMet)]
    [InlineData(true, TufFailure.HashMismatch)]
    public void UpdateTargets_TamperedBytes_Refused(bool snapshotListsHashes, TufFailure expected)
    {
        var repo = new TestRepository { SnapshotListsHashes = snapshotListsHashes };
        repo.Publish();
        var set = UpToSnapshot(repo);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(repo.Targets).Replace("app.tar.gz", "app.tar.gx", StringComparison.Ordinal));

        Assert.NotEqual(repo.Targets, tampered);
        Assert.Equal(expected, Assert.Throws<TufException>(() => set.UpdateTargets(tampered)).Failure);
        set.UpdateTargets(repo.Targets);
    }

    [Fact]
    public void UpdateTargets_RootKeyTypeUnknownForTargets_ThresholdNotMetWithoutCrash()
    {
        var repo = new TestRepository();
        var unknown = TestKeys.Get(TufSchemes.Ed25519, 50);
        repo.Keys[TufRoles.Targets] = [unknown];
        repo.Publish();
        var root = repo.RootSigned();
        var keys = root.Keys.ToDictionary(k => k.Key, k => k.Key == unknown.KeyId ? k.Value with { Scheme = "ed25519-ph" } : k.Value);
        var rootBytes = Outpost.Trust.Tuf.Verification.MetadataSigner.Sign(root with { Keys = keys }, repo.Keys[TufRoles.Root]);
        var set = TestClient.Start(rootBytes);
        set.UpdateTimestamp(repo.Timestamp);
        set.UpdateSnapshot(repo.Snapshot);

        Assert.Equal(TufFailure.ThresholdNotMet, Assert.Throws<TufException>(() => set.UpdateTargets(repo.Targets)).Failure);
    }
}
