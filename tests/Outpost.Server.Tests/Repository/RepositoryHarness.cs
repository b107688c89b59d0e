using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Outpost.Protocol.Releases;
using Outpost.Server.Tests.Harness;
using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Server.Tests.Repository;

/// <summary>
/// A real server on fake time with an operator whose root (v1) is uploaded: the starting point of most repository
/// tests. Owns its data folder so the server can be restarted on it.
/// </summary>
public sealed class RepositoryHarness : IAsyncDisposable
{
    private readonly IDictionary<string, string?>? settings;

    private RepositoryHarness(string folder, FakeTimeProvider time, IDictionary<string, string?>? settings)
    {
        (DataDirectory, Time, this.settings) = (folder, time, settings);
    }

    public string DataDirectory { get; }

    public OutpostTestServer Server { get; private set; } = null!;

    public FakeTimeProvider Time { get; }

    public OperatorKeys Keys { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public string Token { get; private set; } = null!;

    public byte[] Root1 { get; private set; } = [];

    public DateTimeOffset In(TimeSpan span) => Time.GetUtcNow() + span;

    public static async Task<RepositoryHarness> StartAsync(
        IDictionary<string, string?>? settings = null, bool uploadRoot = true, int targetsKeys = 1)
    {
        var harness = new RepositoryHarness(
            Directory.CreateTempSubdirectory("outpost-tuf-test-").FullName, new FakeTimeProvider(DateTimeOffset.UtcNow), settings);
        harness.Server = await OutpostTestServer.StartAsync(harness.DataDirectory, harness.Time, settings);
        harness.Token = harness.Server.InitialAdminToken!;
        harness.Admin = harness.Server.AdminClient(harness.Token);
        harness.Keys = OperatorKeys.FromOnlineKeys(
            await harness.Admin.GetStringAsync(TufApiRoutes.OnlineKeys, TestContext.Current.CancellationToken), targetsKeys);
        harness.Root1 = harness.Keys.Root(1, harness.In(TimeSpan.FromDays(365)));
        if (uploadRoot)
        {
            using var response = await harness.PostAsync(TufApiRoutes.Root, harness.Root1);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return harness;
    }

    public async Task RestartAsync()
    {
        Admin.Dispose();
        await Server.DisposeAsync();
        Server = await OutpostTestServer.StartAsync(DataDirectory, Time, settings);
        Admin = Server.AdminClient(Token);
    }

    public async Task<HttpResponseMessage> PostAsync(string route, byte[] metadata)
    {
        using var content = new ByteArrayContent(metadata);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return await Admin.PostAsync(route, content, TestContext.Current.CancellationToken);
    }

    public async Task<HttpResponseMessage> PutBlobAsync(byte[] bytes, string? sha256 = null)
    {
        using var content = new ByteArrayContent(bytes);
        return await Admin.PutAsync(TufApiRoutes.Blob(sha256 ?? Sha256(bytes)), content, TestContext.Current.CancellationToken);
    }

    /// <summary>Uploads the artifacts' blobs and returns the targets entries listing them.</summary>
    public async Task<Dictionary<string, TargetFile>> UploadAsync(IReadOnlyDictionary<string, byte[]> artifacts)
    {
        var targets = new Dictionary<string, TargetFile>(StringComparer.Ordinal);
        foreach (var (path, bytes) in artifacts)
        {
            using var put = await PutBlobAsync(bytes);
            Assert.True(put.IsSuccessStatusCode, $"blob upload: {put.StatusCode}");
            var parts = path.Split('/');
            targets[path] = OperatorKeys.Target(bytes, parts[1], parts[2]);
        }

        return targets;
    }

    /// <summary>Uploads the blobs and pushes targets <paramref name="version"/> listing them plus <paramref name="earlier"/>.</summary>
    public async Task<HttpResponseMessage> PublishAsync(
        long version, IReadOnlyDictionary<string, byte[]> artifacts, IReadOnlyDictionary<string, TargetFile>? earlier = null)
    {
        var targets = await UploadAsync(artifacts);
        foreach (var (path, file) in earlier ?? new Dictionary<string, TargetFile>())
        {
            targets.TryAdd(path, file);
        }

        return await PostAsync(TufApiRoutes.Targets, Keys.Targets(version, In(TimeSpan.FromDays(90)), targets));
    }

    public async Task<byte[]> GetMetadataAsync(string file) =>
        await Admin.GetByteArrayAsync(TufApiRoutes.MetadataBase + file, TestContext.Current.CancellationToken);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        Keys.Dispose();
        try
        {
            await Server.DisposeAsync();
        }
        finally
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
