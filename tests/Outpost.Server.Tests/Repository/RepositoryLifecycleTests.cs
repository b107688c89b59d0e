using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outpost.Protocol.Releases;
using Outpost.Server.Repository;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Server.Tests.Repository;

public sealed class RepositoryLifecycleTests
{
    private static readonly Dictionary<string, byte[]> App = new() { ["releases/app/1.0.0/app.bin"] = [1, 2, 3, 4] };

    private static async Task<TufMetadata<TimestampMetadata>> WaitForTimestampAsync(RepositoryHarness repo, long version)
    {
        // The refresh service runs on the fake clock's timer but on a real thread: poll with a generous deadline.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var timestamp = MetadataParser.Parse<TimestampMetadata>(await repo.GetMetadataAsync("timestamp.json"));
            if (timestamp.Signed.Version >= version || DateTime.UtcNow > deadline)
            {
                return timestamp;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task RefreshService_HalfOfTimestampLifetimeGone_ReSignsTimestampBeforeItExpires()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using (var push = await repo.PublishAsync(1, App))
        {
            Assert.Equal(HttpStatusCode.Created, push.StatusCode);
        }

        var first = MetadataParser.Parse<TimestampMetadata>(await repo.GetMetadataAsync("timestamp.json"));
        repo.Time.Advance(TimeSpan.FromHours(11));
        await repo.Server.Services.GetRequiredService<TufRepository>().RefreshAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, MetadataParser.Parse<TimestampMetadata>(await repo.GetMetadataAsync("timestamp.json")).Signed.Version);

        // 13 h of a 1 d lifetime gone: less than half left, so the next minute's check re-signs.
        repo.Time.Advance(TimeSpan.FromHours(2));
        var second = await WaitForTimestampAsync(repo, 2);

        Assert.Equal(2, second.Signed.Version);
        Assert.True(second.Signed.Expires > first.Signed.Expires);
        Assert.Equal(1, second.Signed.SnapshotMeta.Version);
        var set = await TufClientFlow.RefreshAsync(repo.Admin, repo.Root1, repo.Time.GetUtcNow());
        Assert.Equal(2, set.Timestamp!.Signed.Version);
    }

    [Fact]
    public async Task RefreshService_HalfOfSnapshotLifetimeGone_ReSignsSnapshotAndTimestamp()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using (var push = await repo.PublishAsync(1, App))
        {
            Assert.Equal(HttpStatusCode.Created, push.StatusCode);
        }

        // Without re-signing both would have expired long before (snapshot 7 d, timestamp 1 d); step through in
        // half-day steps as a running server would, so each step's check must keep the chain fresh.
        long expected = 1;
        for (var day = 0; day < 10; day++)
        {
            repo.Time.Advance(TimeSpan.FromHours(13));
            expected++;
            Assert.Equal(expected, (await WaitForTimestampAsync(repo, expected)).Signed.Version);
        }

        var set = await TufClientFlow.RefreshAsync(repo.Admin, repo.Root1, repo.Time.GetUtcNow());
        Assert.True(set.Snapshot!.Signed.Version > 1, "snapshot was never re-signed");
        Assert.False(set.Snapshot.Signed.IsExpired(repo.Time.GetUtcNow()));
        Assert.Equal(1, set.Targets!.Signed.Version);
    }

    [Fact]
    public async Task Restart_ExistingRepository_ServesSameMetadataKeepsKeysAndAcceptsTheNextPush()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using (var push = await repo.PublishAsync(1, App))
        {
            Assert.Equal(HttpStatusCode.Created, push.StatusCode);
        }

        var timestamp = await repo.GetMetadataAsync("timestamp.json");
        var keys = await repo.Admin.GetStringAsync(TufApiRoutes.OnlineKeys, TestContext.Current.CancellationToken);

        await repo.RestartAsync();

        Assert.Equal(timestamp, await repo.GetMetadataAsync("timestamp.json"));
        Assert.Equal(keys, await repo.Admin.GetStringAsync(TufApiRoutes.OnlineKeys, TestContext.Current.CancellationToken));
        using (var reused = await repo.PublishAsync(1, new Dictionary<string, byte[]> { ["releases/app/2.0.0/app.bin"] = [9] }))
        {
            Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        }

        var earlier = MetadataParser.Parse<TargetsMetadata>(await repo.GetMetadataAsync("1.targets.json")).Signed.Targets;
        using (var next = await repo.PublishAsync(2, new Dictionary<string, byte[]> { ["releases/app/2.0.0/app.bin"] = [9] }, earlier))
        {
            Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        }

        var set = await TufClientFlow.RefreshAsync(repo.Admin, repo.Root1, repo.Time.GetUtcNow());
        Assert.Equal(2, set.Snapshot!.Signed.Version);
        Assert.Equal(2, set.Timestamp!.Signed.Version);
        Assert.Equal(2, set.Targets!.Signed.Targets.Count);
        Assert.Equal(TufRoles.Targets, set.Targets.Signed.Type);
    }

    [Fact]
    public async Task Restart_CrashAfterTargetsWrittenBeforeSnapshot_RepairsSnapshotAndTimestampOnStart()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using (var push = await repo.PublishAsync(1, App))
        {
            Assert.Equal(HttpStatusCode.Created, push.StatusCode);
        }

        // Simulate the crash window: N.targets.json on disk, no snapshot or timestamp for it yet.
        var metadata = Path.Combine(repo.DataDirectory, "tuf", "metadata");
        File.Delete(Path.Combine(metadata, "1.snapshot.json"));
        File.Delete(Path.Combine(metadata, "timestamp.json"));

        await repo.RestartAsync();

        var set = await TufClientFlow.RefreshAsync(repo.Admin, repo.Root1, repo.Time.GetUtcNow());
        Assert.Equal(1, set.Targets!.Signed.Version);
    }

    [Fact]
    public async Task Restart_OnlineKeyFilesReplaced_ReSignsSnapshotAndTimestampWithTheNewKeys()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using (var push = await repo.PublishAsync(1, App))
        {
            Assert.Equal(HttpStatusCode.Created, push.StatusCode);
        }

        // Recovery from a stolen online key: new key files, restart, then a root rotation listing them.
        foreach (var file in Directory.GetFiles(Path.Combine(repo.DataDirectory, "tuf", "keys")))
        {
            File.Delete(file);
        }

        await repo.RestartAsync();

        var keys = OperatorKeys.FromOnlineKeys(await repo.Admin.GetStringAsync(TufApiRoutes.OnlineKeys, TestContext.Current.CancellationToken));
        Assert.NotEqual(repo.Keys.Timestamp, keys.Timestamp);
        var timestamp = MetadataParser.Parse<TimestampMetadata>(await repo.GetMetadataAsync("timestamp.json"));
        Assert.Equal([keys.Timestamp.ComputeKeyId()], timestamp.Envelope.Signatures.Select(s => s.KeyId));
        Assert.Equal(2, timestamp.Signed.Version);
        Assert.Equal(2, timestamp.Signed.SnapshotMeta.Version);
        keys.Dispose();
    }
}
