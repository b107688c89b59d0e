using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Outpost.Protocol;
using Outpost.Protocol.Releases;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Server.Tests.Repository;

public sealed class RepositoryServingTests
{
    private const string Bundle = "releases/app/1.0.0/app.tar";
    private const string Manifest = "releases/app/1.0.0/release.json";

    [Fact]
    public async Task Push_Valid_SnapshotAndTimestampVerifyEndToEndOnTheDeviceListenerWithoutClientCertificate()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var bundle = RepositoryHarness.RandomBytes(70_000);
        var manifest = "{\"name\":\"app\",\"version\":\"1.0.0\"}"u8.ToArray();

        using var push = await repo.PublishAsync(1, new Dictionary<string, byte[]> { [Bundle] = bundle, [Manifest] = manifest });
        Assert.Equal(HttpStatusCode.Created, push.StatusCode);

        using var device = repo.Server.DeviceClient(clientCertificate: null);
        var set = await TufClientFlow.RefreshAsync(device, repo.Root1, repo.Time.GetUtcNow());
        Assert.Equal(1, set.Timestamp!.Signed.Version);
        Assert.Equal(1, set.Snapshot!.Signed.Version);
        Assert.Equal(1, set.Targets!.Signed.Version);
        var expected = set.Targets.Signed.Targets[Bundle];
        var downloaded = await device.GetByteArrayAsync(TufClientFlow.TargetUrl(Bundle, expected.Hashes["sha256"]), TestContext.Current.CancellationToken);
        TargetVerifier.Verify(Bundle, expected, downloaded);
        Assert.Equal(bundle, downloaded);
    }

    [Fact]
    public async Task Push_SecondRelease_CumulativeTargetsAndNewSnapshotTimestampVersions()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var first = await repo.UploadAsync(new Dictionary<string, byte[]> { [Bundle] = [1, 2, 3] });
        using (var push = await repo.PostAsync(TufApiRoutes.Targets, repo.Keys.Targets(1, repo.In(TimeSpan.FromDays(90)), first)))
        {
            Assert.Equal(HttpStatusCode.Created, push.StatusCode);
        }

        using var second = await repo.PublishAsync(2, new Dictionary<string, byte[]> { ["releases/app/1.1.0/app.tar"] = [4, 5] }, first);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        var set = await TufClientFlow.RefreshAsync(repo.Admin, repo.Root1, repo.Time.GetUtcNow());
        Assert.Equal(2, set.Timestamp!.Signed.Version);
        Assert.Equal(2, set.Snapshot!.Signed.Version);
        Assert.Equal(2, set.Targets!.Signed.Targets.Count);
        var releases = await repo.Admin.GetFromJsonAsync(TufApiRoutes.Releases, OutpostJsonContext.Default.IReadOnlyListReleaseView, TestContext.Current.CancellationToken);
        Assert.Equal(["1.0.0", "1.1.0"], releases!.Select(r => r.Version));
        Assert.All(releases!, r => Assert.Equal(2, r.TargetsVersion));
        var artifact = Assert.Single(releases![0].Artifacts);
        Assert.Equal(("app.tar", "app", 3L, RepositoryHarness.Sha256([1, 2, 3])), (artifact.Name, artifact.Kind, artifact.Length, artifact.Sha256));
        Assert.Equal("rpi4", releases[0].DeviceClass);
    }

    [Fact]
    public async Task GetTarget_RangeRequests_PartialContentRightBytesAnd416()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var bundle = RepositoryHarness.RandomBytes(10_000);
        using (var push = await repo.PublishAsync(1, new Dictionary<string, byte[]> { [Bundle] = bundle }))
        {
            Assert.Equal(HttpStatusCode.Created, push.StatusCode);
        }

        var sha = RepositoryHarness.Sha256(bundle);
        using var device = repo.Server.DeviceClient(clientCertificate: null);
        using var range = new HttpRequestMessage(HttpMethod.Get, TufClientFlow.TargetUrl(Bundle, sha));
        range.Headers.Range = new RangeHeaderValue(100, 199);
        using var partial = await device.SendAsync(range, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("bytes 100-199/10000", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bundle[100..200], await partial.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal($"\"{sha}\"", partial.Headers.ETag!.Tag);

        using var resume = new HttpRequestMessage(HttpMethod.Get, TufClientFlow.TargetUrl(Bundle, sha));
        resume.Headers.Range = new RangeHeaderValue(9_990, null);
        using var tail = await device.SendAsync(resume, TestContext.Current.CancellationToken);
        Assert.Equal(bundle[9_990..], await tail.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var beyond = new HttpRequestMessage(HttpMethod.Get, TufClientFlow.TargetUrl(Bundle, sha));
        beyond.Headers.Range = new RangeHeaderValue(20_000, null);
        using var unsatisfiable = await device.SendAsync(beyond, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, unsatisfiable.StatusCode);
        Assert.Equal("bytes */10000", unsatisfiable.Content.Headers.ContentRange!.ToString());
    }

    [Fact]
    public async Task GetTarget_UploadedButNotInSignedTargets_NotFound()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var secret = RepositoryHarness.RandomBytes(100);
        using (var put = await repo.PutBlobAsync(secret))
        {
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using var device = repo.Server.DeviceClient(clientCertificate: null);
        using var response = await device.GetAsync(TufClientFlow.TargetUrl(Bundle, RepositoryHarness.Sha256(secret)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetMetadata_UnknownOrTraversalName_NotFound()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        foreach (var name in new[] { "0.root.json", "..%2Fkeys%2Fsnapshot.key", "snapshot.json", "1.root.json.tmp" })
        {
            using var response = await repo.Admin.GetAsync(TufApiRoutes.MetadataBase + name, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var root = await repo.Admin.GetAsync(TufApiRoutes.MetadataBase + "root.json", TestContext.Current.CancellationToken);
        Assert.True(root.Headers.CacheControl!.NoCache);
    }

    [Fact]
    public async Task OnlineKeys_Started_KeyFilesArePrivateAndMatchTheServedKeys()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var keyFile = Path.Combine(repo.DataDirectory, "tuf", "keys", "snapshot.key");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        using var key = Trust.Tuf.Keys.TufSigningKey.ImportPkcs8(Trust.Tuf.Keys.TufSchemes.Ed25519, await File.ReadAllBytesAsync(keyFile, TestContext.Current.CancellationToken));
        Assert.Equal(repo.Keys.Snapshot, key.PublicKey);
        Assert.NotEqual(repo.Keys.Snapshot, repo.Keys.Timestamp);
    }
}
