using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Updates.Downloads;

namespace Outpost.Agent.Tests.Updates.Downloads;

public sealed class TokenBucketTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TakeAsync_WithinOneSecondOfBytes_DoesNotWait()
    {
        var bucket = new TokenBucket(1000, new FakeTimeProvider());

        var take = bucket.TakeAsync(1000, Ct);

        Assert.True(take.IsCompleted);
        await take;
    }

    [Fact]
    public async Task TakeAsync_InDebt_WaitsUntilTheCapPaysItOff()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(1000, time);
        await bucket.TakeAsync(1000, Ct);

        var take = bucket.TakeAsync(2000, Ct).AsTask();
        time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(take.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));

        await take;
        // 3000 bytes took 2 s at 1000 B/s with a 1 s burst: the average stays at the cap.
        Assert.True(take.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task TakeAsync_AfterIdle_RefillsAtMostOneSecond()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucket(1000, time);
        time.Advance(TimeSpan.FromMinutes(10));
        await bucket.TakeAsync(1000, Ct);

        var take = bucket.TakeAsync(500, Ct).AsTask();

        Assert.False(take.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await take;
    }
}
