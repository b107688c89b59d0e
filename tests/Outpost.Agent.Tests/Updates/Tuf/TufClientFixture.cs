using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Updates.Tuf;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>A repository served over real HTTP and a client that trusts its root version 1, at a fake "now".</summary>
internal sealed class TufClientFixture : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly HttpClient _http = new();

    private TufClientFixture(TufTestServer server)
    {
        Server = server;
        TufUpdater.Initialize(MetadataDirectory, server.Repository.Root(1), Time);
    }

    public TufTestServer Server { get; }

    public TufTestRepository Repository => Server.Repository;

    public FakeTimeProvider Time { get; } = new(TufTestRepository.Now);

    public string MetadataDirectory => _temp.File("metadata");

    public string TargetDirectory => _temp.File("targets");

    public static async Task<TufClientFixture> StartAsync(TufTestRepository? repository = null) =>
        new(await TufTestServer.StartAsync(repository ?? new TufTestRepository()));

    /// <summary>A fresh updater, as after a restart of the agent: it knows only what is on disk.</summary>
    public TufUpdater Updater(Func<TufClientOptions, TufClientOptions>? configure = null)
    {
        var options = new TufClientOptions
        {
            MetadataDirectory = MetadataDirectory,
            MetadataUrl = Server.MetadataUrl,
            TargetBaseUrl = Server.TargetsUrl,
            TargetDirectory = TargetDirectory,
        };
        return new TufUpdater(configure?.Invoke(options) ?? options, _http, Time, NullLogger.Instance);
    }

    public Task RefreshAsync() => Updater().RefreshAsync(TestContext.Current.CancellationToken);

    public Task<string> DownloadAsync(string target) => Updater().DownloadAsync(target, TestContext.Current.CancellationToken);

    /// <summary>The trusted copy of <paramref name="role"/> on disk, or null.</summary>
    public byte[]? Stored(string role)
    {
        var path = Path.Combine(MetadataDirectory, role + ".json");
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    public long StoredVersion(string role) => role switch
    {
        TufRoles.Root => MetadataParser.Parse<RootMetadata>(Stored(role)).Signed.Version,
        TufRoles.Timestamp => MetadataParser.Parse<TimestampMetadata>(Stored(role)).Signed.Version,
        TufRoles.Snapshot => MetadataParser.Parse<SnapshotMetadata>(Stored(role)).Signed.Version,
        _ => MetadataParser.Parse<TargetsMetadata>(Stored(role)).Signed.Version,
    };

    /// <summary>Asserts a refusal that left the role's trusted file as it was and no temporary file behind.</summary>
    public async Task<TufException> RefusedAsync(string role, Func<Task> action)
    {
        var before = Stored(role);
        var refusal = await Assert.ThrowsAsync<TufException>(action);
        Assert.Equal(before, Stored(role));
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.tmp", SearchOption.AllDirectories));
        return refusal;
    }

    public IEnumerable<string> DownloadedFiles() =>
        Directory.Exists(TargetDirectory) ? Directory.EnumerateFiles(TargetDirectory) : [];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _http.Dispose();
        _temp.Dispose();
    }
}
