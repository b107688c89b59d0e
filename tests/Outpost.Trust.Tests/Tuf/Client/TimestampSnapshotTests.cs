using System.Text;
using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tests.Tuf.Client;

/// <summary>TUF 5.4 and 5.5: rollback, freeze, hash/length and signature checks of timestamp and snapshot.</summary>
public sealed class TimestampSnapshotTests
{
    private static TufException Refused(Action action) => Assert.Throws<TufException>(action);

    [Fact]
    public void Refresh_ConsistentRepository_TrustsAllRoles()
    {
        var repo = new TestRepository();

        var set = TestClient.Start(repo.Root).Refresh(repo);

        Assert.Equal(1, set.Timestamp!.Signed.Version);
        Assert.Equal(1, set.Snapshot!.Signed.Version);
        Assert.Contains("app/1.0/app.tar.gz", set.Targets!.Signed.Targets.Keys);
    }

    [Fact]
    public void UpdateTimestamp_LowerVersionThanPersisted_Rollback()
    {
        var repo = new TestRepository { TimestampVersion = 7 };
        repo.Publish();
        var persisted = repo.Timestamp;
        repo.TimestampVersion = 6;
        repo.Publish();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(persisted, isPersistedCopy: true);

        var error = Refused(() => set.UpdateTimestamp(repo.Timestamp));

        Assert.Equal((TufRoles.Timestamp, TufFailure.Rollback), (error.Role, error.Failure));
        Assert.Equal(7, set.Timestamp!.Signed.Version);
    }

    [Fact]
    public void UpdateTimestamp_SameVersionAsPersisted_EqualVersion()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp, isPersistedCopy: true);

        Assert.Equal(TufFailure.EqualVersion, Refused(() => set.UpdateTimestamp(repo.Timestamp)).Failure);
    }

    [Fact]
    public void UpdateTimestamp_NewerButListsOlderSnapshot_Rollback()
    {
        var repo = new TestRepository { SnapshotVersion = 5 };
        repo.Publish();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp, isPersistedCopy: true);
        repo.TimestampVersion = 2;
        repo.SnapshotVersion = 4;
        repo.Publish();

        var error = Refused(() => set.UpdateTimestamp(repo.Timestamp));

        Assert.Equal(TufFailure.Rollback, error.Failure);
        Assert.Contains("snapshot version 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateTimestamp_Expired_FreezeRefused()
    {
        var repo = new TestRepository();
        repo.RoleExpires[TufRoles.Timestamp] = TestRepository.Now.AddSeconds(-1);
        repo.Publish();

        var error = Refused(() => TestClient.Start(repo.Root).UpdateTimestamp(repo.Timestamp));

        Assert.Equal((TufRoles.Timestamp, TufFailure.Expired), (error.Role, error.Failure));
    }

    [Fact]
    public void UpdateTimestamp_SignedBySnapshotKey_ThresholdNotMet()
    {
        var trusted = new TestRepository();
        var forged = new TestRepository();
        forged.Keys[TufRoles.Timestamp] = forged.Keys[TufRoles.Snapshot];
        forged.Publish();

        var error = Refused(() => TestClient.Start(trusted.Root).UpdateTimestamp(forged.Timestamp));

        Assert.Equal((TufRoles.Timestamp, TufFailure.ThresholdNotMet), (error.Role, error.Failure));
    }

    [Fact]
    public void UpdateSnapshot_BytesDifferFromTimestampHash_HashMismatch()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);
        var swapped = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(repo.Snapshot).Replace("\"version\":1}", "\"version\":2}", StringComparison.Ordinal));

        var error = Refused(() => set.UpdateSnapshot(swapped));

        Assert.Equal((TufRoles.Snapshot, TufFailure.HashMismatch), (error.Role, error.Failure));
    }

    [Fact]
    public void UpdateSnapshot_OneExtraByte_LengthMismatch()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);

        var error = Refused(() => set.UpdateSnapshot(repo.Snapshot.Append((byte)' ').ToArray()));

        Assert.Equal(TufFailure.LengthMismatch, error.Failure);
    }

    [Fact]
    public void UpdateSnapshot_VersionOtherThanTimestampLists_VersionMismatch()
    {
        var repo = new TestRepository { SnapshotVersion = 3 };
        repo.Publish();
        repo.SignTimestamp(snapshotVersion: 4);
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);

        var error = Refused(() => set.UpdateSnapshot(repo.Snapshot));

        Assert.Equal((TufRoles.Snapshot, TufFailure.VersionMismatch), (error.Role, error.Failure));
    }

    [Fact]
    public void UpdateSnapshot_TargetsVersionLowerThanPersistedSnapshot_Rollback()
    {
        var repo = new TestRepository { TargetsVersion = 5 };
        repo.Publish();
        var (persistedTimestamp, persistedSnapshot) = (repo.Timestamp, repo.Snapshot);
        repo.TimestampVersion = repo.SnapshotVersion = 2;
        repo.TargetsVersion = 4;
        repo.Publish();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(persistedTimestamp, isPersistedCopy: true);
        set.UpdateTimestamp(repo.Timestamp);
        // The persisted snapshot is older than the new timestamp says, yet it stays the rollback reference.
        Assert.Equal(TufFailure.VersionMismatch, Refused(() => set.UpdateSnapshot(persistedSnapshot, isPersistedCopy: true)).Failure);

        var error = Refused(() => set.UpdateSnapshot(repo.Snapshot));

        Assert.Equal((TufRoles.Snapshot, TufFailure.Rollback), (error.Role, error.Failure));
        Assert.Contains("targets.json version 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateSnapshot_DelegatedRoleDroppedFromSnapshot_Rollback()
    {
        var repo = new TestRepository();
        repo.Delegated.Add((new DelegatedRole("team", new RoleKeys([TestKeys.Get(TufSchemes.Ed25519, 30).KeyId], 1), false, ["team/*"]),
            [TestKeys.Get(TufSchemes.Ed25519, 30)], new Dictionary<string, byte[]>(), TufRoles.Targets));
        repo.Publish();
        var (persistedTimestamp, persistedSnapshot) = (repo.Timestamp, repo.Snapshot);
        repo.Delegated.Clear();
        repo.TimestampVersion = repo.SnapshotVersion = 2;
        repo.Publish();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(persistedTimestamp, isPersistedCopy: true);
        set.UpdateTimestamp(repo.Timestamp);
        Assert.ThrowsAny<TufException>(() => set.UpdateSnapshot(persistedSnapshot, isPersistedCopy: true));

        var error = Refused(() => set.UpdateSnapshot(repo.Snapshot));

        Assert.Equal(TufFailure.Rollback, error.Failure);
        Assert.Contains("team.json was removed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateSnapshot_Expired_FreezeRefused()
    {
        var repo = new TestRepository();
        repo.RoleExpires[TufRoles.Snapshot] = TestRepository.Now;
        repo.Publish();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);

        var error = Refused(() => set.UpdateSnapshot(repo.Snapshot));

        Assert.Equal((TufRoles.Snapshot, TufFailure.Expired), (error.Role, error.Failure));
    }

    [Fact]
    public void UpdateSnapshot_SignedByTimestampKey_ThresholdNotMet()
    {
        var trusted = new TestRepository();
        var forged = new TestRepository();
        forged.Keys[TufRoles.Snapshot] = forged.Keys[TufRoles.Timestamp];
        forged.Publish();
        var set = TestClient.Start(trusted.Root);
        set.UpdateTimestamp(forged.Timestamp);

        var error = Refused(() => set.UpdateSnapshot(forged.Snapshot));

        Assert.Equal((TufRoles.Snapshot, TufFailure.ThresholdNotMet), (error.Role, error.Failure));
    }
}
