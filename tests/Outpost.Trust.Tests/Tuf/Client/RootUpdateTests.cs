using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Trust.Tests.Tuf.Client;

/// <summary>TUF 5.2, 5.3: the root chain.</summary>
public sealed class RootUpdateTests
{
    private static readonly TufSigningKey NewRootA = TestKeys.Get(TufSchemes.Ed25519, 20);
    private static readonly TufSigningKey NewRootB = TestKeys.Get(TufSchemes.EcdsaP256, 20);

    private static (TestRepository Repo, byte[] V1, List<TufSigningKey> OldKeys) RotateRootKeys()
    {
        var repo = new TestRepository();
        var v1 = repo.Root;
        var oldKeys = repo.Keys[TufRoles.Root].ToList();
        repo.Keys[TufRoles.Root] = [NewRootA, NewRootB];
        repo.RootVersion = 2;
        return (repo, v1, oldKeys);
    }

    private static TufException Refused(Action action) => Assert.Throws<TufException>(action);

    [Fact]
    public void UpdateRoot_SignedByOldAndNewThreshold_BecomesTrusted()
    {
        var (repo, v1, oldKeys) = RotateRootKeys();
        var set = TestClient.Start(v1);

        set.UpdateRoot(repo.SignRoot([.. oldKeys, NewRootA, NewRootB]));

        Assert.Equal(2, set.Root.Signed.Version);
        Assert.Contains(NewRootA.KeyId, set.Root.Signed.Role(TufRoles.Root).KeyIds);
    }

    [Fact]
    public void UpdateRoot_SignedOnlyByNewKeys_ThresholdNotMet()
    {
        var (repo, v1, _) = RotateRootKeys();
        var set = TestClient.Start(v1);

        var error = Refused(() => set.UpdateRoot(repo.SignRoot(NewRootA, NewRootB)));

        Assert.Equal(TufFailure.ThresholdNotMet, error.Failure);
        Assert.Equal(1, set.Root.Signed.Version);
    }

    [Fact]
    public void UpdateRoot_SignedOnlyByOldKeys_ThresholdNotMet()
    {
        var (repo, v1, oldKeys) = RotateRootKeys();
        var set = TestClient.Start(v1);

        var error = Refused(() => set.UpdateRoot(repo.SignRoot(oldKeys)));

        Assert.Equal(TufFailure.ThresholdNotMet, error.Failure);
    }

    [Fact]
    public void UpdateRoot_OldThresholdOnlyHalfMet_ThresholdNotMet()
    {
        var (repo, v1, oldKeys) = RotateRootKeys();
        var set = TestClient.Start(v1);

        var error = Refused(() => set.UpdateRoot(repo.SignRoot(oldKeys[0], NewRootA, NewRootB)));

        Assert.Equal(TufFailure.ThresholdNotMet, error.Failure);
    }

    [Fact]
    public void UpdateRoot_SkipsAVersion_VersionMismatch()
    {
        var (repo, v1, oldKeys) = RotateRootKeys();
        repo.RootVersion = 3;
        var set = TestClient.Start(v1);

        var error = Refused(() => set.UpdateRoot(repo.SignRoot([.. oldKeys, NewRootA, NewRootB])));

        Assert.Equal(TufFailure.VersionMismatch, error.Failure);
    }

    [Fact]
    public void UpdateRoot_SameOrLowerVersion_EqualVersionOrRollback()
    {
        var repo = new TestRepository { RootVersion = 5 };
        repo.Publish();
        var set = TestClient.Start(repo.Root);

        Assert.Equal(TufFailure.EqualVersion, Refused(() => set.UpdateRoot(repo.Root)).Failure);
        repo.RootVersion = 4;
        Assert.Equal(TufFailure.Rollback, Refused(() => set.UpdateRoot(repo.SignRoot(repo.Keys[TufRoles.Root]))).Failure);
    }

    [Fact]
    public void UpdateRoot_IntermediateRootExpired_Accepted_ButExpiredFinalRootStopsTimestamp()
    {
        var (repo, v1, oldKeys) = RotateRootKeys();
        repo.Expires = TestRepository.Now.AddDays(-1);
        var set = TestClient.Start(v1);

        // TUF 5.3.6: an intermediate root's expiry does not matter; TUF 5.3.10: the final one's does.
        set.UpdateRoot(repo.SignRoot([.. oldKeys, NewRootA, NewRootB]));
        var error = Refused(() => set.UpdateTimestamp(repo.Timestamp));

        Assert.Equal(TufFailure.Expired, error.Failure);
        Assert.Equal(TufRoles.Root, error.Role);
    }

    [Fact]
    public void Constructor_RootNotSignedByItsOwnThreshold_ThresholdNotMet()
    {
        var repo = new TestRepository();

        var error = Refused(() => TestClient.Start(repo.SignRoot(repo.Keys[TufRoles.Root][0])));

        Assert.Equal(TufFailure.ThresholdNotMet, error.Failure);
    }

    [Fact]
    public void UpdateRoot_TimestampMetadataInsteadOfRoot_WrongType()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);

        Assert.Equal(TufFailure.WrongType, Refused(() => set.UpdateRoot(repo.Timestamp)).Failure);
    }

    [Fact]
    public void UpdateRoot_ThreeStepChain_EndsOnLatest()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);
        for (var version = 2; version <= 4; version++)
        {
            repo.RootVersion = version;
            set.UpdateRoot(repo.SignRoot(repo.Keys[TufRoles.Root]));
        }

        set.Refresh(repo);

        Assert.Equal(4, set.Root.Signed.Version);
        Assert.NotNull(set.Targets);
    }
}
