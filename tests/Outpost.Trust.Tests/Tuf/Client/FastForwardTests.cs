using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Trust.Tests.Tuf.Client;

/// <summary>TUF 5.3.11: recovering from a fast-forward attack by rotating the timestamp/snapshot keys.</summary>
public sealed class FastForwardTests
{
    private static readonly TufSigningKey NewTimestampKey = TestKeys.Get(TufSchemes.Ed25519, 40);
    private static readonly TufSigningKey NewSnapshotKey = TestKeys.Get(TufSchemes.Ed25519, 41);

    /// <summary>An attacker holding the timestamp key pushed the client to timestamp version 1000.</summary>
    private static (TestRepository Repo, byte[] Root1, byte[] FastForwarded) Compromised()
    {
        var repo = new TestRepository { TimestampVersion = 1000 };
        repo.Publish();
        var fastForwarded = repo.Timestamp;
        var root1 = repo.Root;
        TestClient.Start(root1).Refresh(repo);
        return (repo, root1, fastForwarded);
    }

    [Fact]
    public void UpdateTimestamp_AfterFastForwardWithoutRotation_RecoveryImpossible()
    {
        var (repo, root1, fastForwarded) = Compromised();
        repo.TimestampVersion = 2;
        repo.Publish();
        var set = TestClient.Start(root1);
        set.UpdateTimestamp(fastForwarded, isPersistedCopy: true);

        Assert.Equal(TufFailure.Rollback, Assert.Throws<TufException>(() => set.UpdateTimestamp(repo.Timestamp)).Failure);
    }

    [Fact]
    public void UpdateRoot_RotatingTimestampKey_PersistedTimestampDiscardedAndNewOneTrusted()
    {
        var (repo, root1, fastForwarded) = Compromised();
        repo.Keys[TufRoles.Timestamp] = [NewTimestampKey];
        repo.RootVersion = 2;
        repo.TimestampVersion = 1;
        repo.Publish();
        var set = TestClient.Start(root1);

        set.UpdateRoot(repo.Root);

        Assert.True(set.TimestampOrSnapshotKeysRotated);
        var refused = Assert.Throws<TufException>(() => set.UpdateTimestamp(fastForwarded, isPersistedCopy: true));
        Assert.Equal((TufRoles.Timestamp, TufFailure.KeysRotated), (refused.Role, refused.Failure));
        set.Refresh(repo);
        Assert.Equal(1, set.Timestamp!.Signed.Version);
    }

    [Fact]
    public void UpdateTimestamp_FastForwardedCopyOfferedAsDownload_AfterRotation_ThresholdNotMet()
    {
        // Even if a caller forgot to delete the old file, the rotated-out key no longer verifies anything.
        var (repo, root1, fastForwarded) = Compromised();
        repo.Keys[TufRoles.Timestamp] = [NewTimestampKey];
        repo.RootVersion = 2;
        repo.Publish();
        var set = TestClient.Start(root1);
        set.UpdateRoot(repo.Root);

        Assert.Equal(TufFailure.ThresholdNotMet, Assert.Throws<TufException>(() => set.UpdateTimestamp(fastForwarded)).Failure);
    }

    [Fact]
    public void UpdateRoot_RotatingSnapshotKey_FastForwardedTargetsVersionRecovered()
    {
        // The attacker held the snapshot key and listed targets.json at version 1000.
        var repo = new TestRepository();
        repo.Publish();
        var root1 = repo.Root;
        var attacker = new TestRepository { TargetsVersion = 1000, SnapshotVersion = 2, TimestampVersion = 2 };
        attacker.Publish();
        var persistedSnapshot = attacker.Snapshot;
        repo.Keys[TufRoles.Snapshot] = [NewSnapshotKey];
        repo.RootVersion = 2;
        repo.TimestampVersion = 3;
        repo.SnapshotVersion = 3;
        repo.TargetsVersion = 2;
        repo.Publish();
        var set = TestClient.Start(root1);

        set.UpdateRoot(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);

        Assert.True(set.TimestampOrSnapshotKeysRotated);
        Assert.Equal(TufFailure.KeysRotated,
            Assert.Throws<TufException>(() => set.UpdateSnapshot(persistedSnapshot, isPersistedCopy: true)).Failure);
        set.UpdateSnapshot(repo.Snapshot);
        set.UpdateTargets(repo.Targets);
        Assert.Equal(2, set.Targets!.Signed.Version);
    }

    [Fact]
    public void TimestampOrSnapshotKeysRotated_OnlyTargetsKeyRotated_False()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);
        repo.Keys[TufRoles.Targets] = [TestKeys.Get(TufSchemes.Ed25519, 42)];
        repo.RootVersion = 2;
        repo.Publish();

        set.UpdateRoot(repo.Root);

        Assert.False(set.TimestampOrSnapshotKeysRotated);
    }
}
