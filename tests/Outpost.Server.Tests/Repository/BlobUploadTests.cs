using System.Net;
using Outpost.Server.Tests.Harness;

namespace Outpost.Server.Tests.Repository;

public sealed class BlobUploadTests
{
    [Fact]
    public async Task PutBlob_BytesDoNotMatchHash_Refused400AndNothingStored()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        var claimed = RepositoryHarness.Sha256([1, 2, 3]);

        using var response = await repo.PutBlobAsync([1, 2, 3, 4], claimed);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadProblemAsync();
        Assert.Contains("sha256", problem.Errors!.Keys);
        Assert.Contains(RepositoryHarness.Sha256([1, 2, 3, 4]), problem.Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.DataDirectory, "tuf", "blobs")));
    }

    [Fact]
    public async Task PutBlob_AboveMaxArtifactBytes_Refused413()
    {
        await using var repo = await RepositoryHarness.StartAsync(new Dictionary<string, string?> { ["Outpost:Tuf:MaxArtifactBytes"] = "1000" });
        var bytes = RepositoryHarness.RandomBytes(4000);

        using var response = await repo.PutBlobAsync(bytes);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Outpost:Tuf:MaxArtifactBytes", (await response.ReadProblemAsync()).Detail, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.DataDirectory, "tuf", "blobs")));
    }

    [Fact]
    public async Task PutBlob_LargerThanTheGeneralBodyLimit_StoredAndIdempotent()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        // 1 MiB: well above Outpost:MaxRequestBodyBytes (64 KiB), which blobs lift to MaxArtifactBytes.
        var bytes = RepositoryHarness.RandomBytes(1024 * 1024);
        var sha = RepositoryHarness.Sha256(bytes);

        using var first = await repo.PutBlobAsync(bytes);
        using var second = await repo.PutBlobAsync(bytes);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(repo.DataDirectory, "tuf", "blobs", sha), TestContext.Current.CancellationToken));
        Assert.Single(Directory.GetFiles(Path.Combine(repo.DataDirectory, "tuf", "blobs")));
    }

    [Fact]
    public async Task PutBlob_NameNotLowercaseSha256_Refused400()
    {
        await using var repo = await RepositoryHarness.StartAsync();
        using var response = await repo.PutBlobAsync([1], "../../etc/passwd".Replace("/", "%2F", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("sha256", (await response.ReadProblemAsync()).Errors!.Keys);
    }
}
