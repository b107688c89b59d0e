using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Client;

namespace Outpost.Trust.Tests.Tuf.Client;

/// <summary>The order of TUF 5.3 → 5.6 is enforced; misuse is a programming error, not a verdict on metadata.</summary>
public sealed class WorkflowOrderTests
{
    [Fact]
    public void UpdateRoot_AfterTimestamp_InvalidOperation()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);

        Assert.Throws<InvalidOperationException>(() => set.UpdateRoot(repo.Root));
    }

    [Fact]
    public void UpdateSnapshot_BeforeTimestamp_InvalidOperation()
    {
        var repo = new TestRepository();

        Assert.Throws<InvalidOperationException>(() => TestClient.Start(repo.Root).UpdateSnapshot(repo.Snapshot));
    }

    [Fact]
    public void UpdateTargets_BeforeSnapshot_InvalidOperation()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);

        Assert.Throws<InvalidOperationException>(() => set.UpdateTargets(repo.Targets));
    }

    [Fact]
    public async Task FindAsync_BeforeTargets_MissingMetadata()
    {
        var repo = new TestRepository();

        var error = await Assert.ThrowsAsync<TufException>(() => TargetResolver.FindAsync(TestClient.Start(repo.Root), "x",
            (_, _) => throw new InvalidOperationException("must not fetch"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TufFailure.MissingMetadata, error.Failure);
    }

    [Fact]
    public void Refused_Timestamp_LeavesTrustedOneInPlace()
    {
        var repo = new TestRepository();
        var set = TestClient.Start(repo.Root);
        set.UpdateTimestamp(repo.Timestamp);
        var trusted = set.Timestamp;

        Assert.Throws<TufException>(() => set.UpdateTimestamp(repo.Snapshot));

        Assert.Same(trusted, set.Timestamp);
    }
}
