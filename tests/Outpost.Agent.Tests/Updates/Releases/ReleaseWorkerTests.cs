using Microsoft.Extensions.Logging.Abstractions;
using Outpost.Agent.Tests.Updates.Tuf;
using Outpost.Agent.Updates.Releases;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Updates.Releases;

public sealed class ReleaseWorkerTests : IDisposable
{
    private const string App = "releases/app/1.0.0/";
    private readonly TempDirectory _staging = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _staging.Dispose();

    private static TufTestRepository Repository(bool withManifest)
    {
        var repository = new TufTestRepository();
        var bytes = repository.Artifacts[App + "app.tar.gz"];
        if (withManifest)
        {
            repository.Artifacts[App + "release.json"] = System.Text.Encoding.UTF8.GetBytes(
                $$"""{"name":"app","version":"1.0.0","deviceClass":"x","artifacts":[{"name":"app.tar.gz","kind":"app","path":"{{App}}app.tar.gz","length":{{bytes.Length}},"sha256":"{{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}}"}]}""");
            repository.Publish();
        }

        return repository;
    }

    private ReleaseWorker Worker(TufClientFixture client) => new(
        _ => Task.FromResult(client.Updater()), new ReleaseStager(_staging.Path, () => long.MaxValue), _staging.Path, client.Time, NullLogger.Instance);

    [Fact]
    public async Task OnDesired_SignedRelease_ReportsVerifiedAndDoesNotRunAgain()
    {
        await using var client = await TufClientFixture.StartAsync(Repository(withManifest: true));
        var worker = Worker(client);

        worker.OnDesired("app@1.0.0", Ct);
        await worker.Current;
        var requests = client.Server.Requests.Count;
        worker.OnDesired("app@1.0.0", Ct);
        await worker.Current;

        Assert.Equal(UpdateState.Verified, worker.Latest!.State);
        Assert.Equal("app@1.0.0", worker.Latest.Release);
        Assert.Equal(requests, client.Server.Requests.Count);
    }

    [Fact]
    public async Task OnDesired_RefusedRelease_RetriedOnlyWhenTargetsChange()
    {
        var repository = Repository(withManifest: false);
        await using var client = await TufClientFixture.StartAsync(repository);
        var worker = Worker(client);

        worker.OnDesired("app@1.0.0", Ct);
        await worker.Current;
        Assert.Equal((UpdateState.Refused, "release app@1.0.0 is not in the verified targets metadata"), (worker.Latest!.State, worker.Latest.Detail));
        var refusedAt = worker.Latest.At;
        client.Time.Advance(TimeSpan.FromMinutes(1));
        worker.OnDesired("app@1.0.0", Ct);
        await worker.Current;
        Assert.Equal(refusedAt, worker.Latest!.At); // same targets version: not tried again

        var manifest = Repository(withManifest: true).Artifacts[App + "release.json"];
        repository.Artifacts[App + "release.json"] = manifest;
        repository.Publish();
        worker.OnDesired("app@1.0.0", Ct);
        await worker.Current;

        Assert.Equal(UpdateState.Verified, worker.Latest!.State);
    }

    [Fact]
    public async Task OnDesired_Null_ClearsTheReport()
    {
        await using var client = await TufClientFixture.StartAsync(Repository(withManifest: true));
        var worker = Worker(client);
        worker.OnDesired("app@1.0.0", Ct);
        await worker.Current;

        worker.OnDesired(null, Ct);

        Assert.Null(worker.Latest);
    }
}
