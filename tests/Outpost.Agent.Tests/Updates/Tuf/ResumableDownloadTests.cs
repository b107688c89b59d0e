using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Outpost.Agent.Updates.Downloads;
using Outpost.Agent.Updates.Tuf;
using Outpost.Trust.Tuf;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>
/// Issue 4 item 3 over real HTTP: a target download cut mid-body resumes with Range from where it stopped, a partial
/// file is never trusted, and a server without ranges or with endless data is handled. Assertions are on bytes.
/// </summary>
public sealed class ResumableDownloadTests : IAsyncLifetime
{
    private const string Target = "releases/app/2.0.0/model.bin";
    private static readonly byte[] Content = RandomNumberGenerator.GetBytes(256 * 1024);
    private readonly TempDirectory _partials = new();
    private TufClientFixture _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));

    private string PartialFile => Path.Combine(_partials.Path, Sha256 + ".part");

    private string UrlPath => _client.Repository.TargetUrlPath(Target, Content);

    private DownloadMeter Meter { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var repository = new TufTestRepository();
        repository.Artifacts[Target] = Content;
        repository.Publish();
        _client = await TufClientFixture.StartAsync(repository);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        _partials.Dispose();
    }

    private TufUpdater Updater(int attempts = 3) => _client.Updater(o => new TufClientOptions
    {
        MetadataDirectory = o.MetadataDirectory,
        MetadataUrl = o.MetadataUrl,
        TargetBaseUrl = o.TargetBaseUrl,
        TargetDirectory = o.TargetDirectory,
        PartialDirectory = _partials.Path,
        Download = new DownloadOptions { Attempts = attempts, RetryBaseDelay = TimeSpan.Zero, RetryMaxDelay = TimeSpan.Zero },
        Meter = Meter,
    });

    private (string Range, string IfRange)[] TargetRequests() =>
        _client.Server.RangeHeaders.Where(r => r.Path == "/targets/" + UrlPath).Select(r => (r.Range, r.IfRange)).ToArray();

    /// <summary>The first request for the target gets its headers and <paramref name="bytes"/> of body, then the connection is cut.</summary>
    private void CutFirstResponseAfter(int bytes)
    {
        var cut = 0;
        _client.Server.Misbehave = async (context, name) =>
        {
            if (name != UrlPath || Interlocked.Exchange(ref cut, 1) == 1)
            {
                return false;
            }

            context.Response.ContentLength = Content.Length;
            await context.Response.Body.WriteAsync(Content.AsMemory(0, bytes), Ct);
            await context.Response.Body.FlushAsync(Ct);
            context.Abort();
            return true;
        };
    }

    private async Task AssertStoredAsync(string path)
    {
        Assert.Equal(Content, await File.ReadAllBytesAsync(path, Ct));
        Assert.False(File.Exists(PartialFile), "the partial is renamed into place, not left behind");
    }

    [Fact]
    public async Task DownloadAsync_ConnectionCutThenAgentRestarts_ResumesFromTheCutAndFetchesEachByteOnce()
    {
        CutFirstResponseAfter(100_000);

        // One attempt only: the cut ends this run, as if the agent had been stopped there.
        await Assert.ThrowsAnyAsync<IOException>(() => Updater(attempts: 1).DownloadAsync(Target, Ct));
        var kept = new FileInfo(PartialFile).Length;
        Assert.InRange(kept, 1, 100_000);
        Assert.Equal(kept, Meter.BytesFetched(Target));

        var path = await Updater().DownloadAsync(Target, Ct);

        await AssertStoredAsync(path);
        Assert.Equal([("", ""), ($"bytes={kept}-", $"\"{Sha256}\"")], TargetRequests());
        Assert.Equal(Content.Length, Meter.BytesFetched(Target));
    }

    [Fact]
    public async Task DownloadAsync_ConnectionCutMidBody_NextAttemptAsksForTheRestOnly()
    {
        CutFirstResponseAfter(64 * 1024);
        var progress = new List<long>();

        var path = await Updater().DownloadAsync(Target, progress.Add, Ct);

        await AssertStoredAsync(path);
        var requests = TargetRequests();
        Assert.Equal(2, requests.Length);
        Assert.StartsWith("bytes=", requests[1].Range, StringComparison.Ordinal);
        Assert.Equal(Content.Length, Meter.BytesFetched(Target));
        Assert.Equal(Content.Length, progress[^1]);
    }

    [Fact]
    public async Task DownloadAsync_CorruptedPartial_DetectedAndFetchedAgainFromZero()
    {
        const int Kept = 50_000;
        var corrupted = Content[..Kept];
        corrupted[1234] ^= 0x01;
        Directory.CreateDirectory(_partials.Path);
        await File.WriteAllBytesAsync(PartialFile, corrupted, Ct);

        var path = await Updater().DownloadAsync(Target, Ct);

        await AssertStoredAsync(path);
        Assert.Equal([($"bytes={Kept}-", $"\"{Sha256}\""), ("", "")], TargetRequests());
        Assert.Equal(Content.Length - Kept + Content.Length, Meter.BytesFetched(Target));
    }

    [Fact]
    public async Task DownloadAsync_ServerIgnoresRange_StartsOverCleanly()
    {
        Directory.CreateDirectory(_partials.Path);
        await File.WriteAllBytesAsync(PartialFile, Content[..10_000], Ct);
        _client.Server.Misbehave = async (context, name) =>
        {
            if (name != UrlPath)
            {
                return false;
            }

            context.Response.ContentLength = Content.Length;
            await context.Response.Body.WriteAsync(Content, Ct);
            return true;
        };

        var path = await Updater().DownloadAsync(Target, Ct);

        await AssertStoredAsync(path);
        Assert.Single(TargetRequests());
        Assert.Equal(Content.Length, Meter.BytesFetched(Target));
    }

    [Fact]
    public async Task DownloadAsync_RangeNotSatisfiable_StartsOverCleanly()
    {
        Directory.CreateDirectory(_partials.Path);
        await File.WriteAllBytesAsync(PartialFile, Content[..10_000], Ct);
        _client.Server.Misbehave = (context, name) =>
        {
            if (name != UrlPath || string.IsNullOrEmpty(context.Request.Headers.Range))
            {
                return Task.FromResult(false);
            }

            context.Response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            return Task.FromResult(true);
        };

        var path = await Updater().DownloadAsync(Target, Ct);

        await AssertStoredAsync(path);
        Assert.Equal([("bytes=10000-", $"\"{Sha256}\""), ("", "")], TargetRequests());
    }

    [Fact]
    public async Task DownloadAsync_EndlessBodyAfterAPartial_RefusedAndPartialDeleted()
    {
        Directory.CreateDirectory(_partials.Path);
        await File.WriteAllBytesAsync(PartialFile, Content[..10_000], Ct);
        _client.Server.Misbehave = async (context, name) =>
        {
            if (name != UrlPath)
            {
                return false;
            }

            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes 10000-{Content.Length - 1}/{Content.Length}";
            await TufTestServer.SendEndlesslyAsync(context, new byte[4096]);
            return true;
        };

        var refusal = await Assert.ThrowsAsync<TufException>(() => Updater().DownloadAsync(Target, Ct));

        Assert.Equal(TufFailure.LengthMismatch, refusal.Failure);
        Assert.False(File.Exists(PartialFile));
        Assert.Empty(_client.DownloadedFiles());
        // Never more than the listed length, plus the one byte that shows the body is too long.
        Assert.InRange(Meter.BytesFetched(Target), 1, Content.Length - 10_000 + 1);
    }

    [Fact]
    public async Task DownloadAsync_ServerKeepsSendingWrongBytes_RefusedAfterOneFetchFromZero()
    {
        var wrong = (byte[])Content.Clone();
        wrong[^1] ^= 0xFF;
        _client.Server.Misbehave = async (context, name) =>
        {
            if (name != UrlPath)
            {
                return false;
            }

            context.Response.ContentLength = wrong.Length;
            await context.Response.Body.WriteAsync(wrong, Ct);
            return true;
        };

        var refusal = await Assert.ThrowsAsync<TufException>(() => Updater().DownloadAsync(Target, Ct));

        Assert.Equal(TufFailure.HashMismatch, refusal.Failure);
        Assert.Equal(2, TargetRequests().Length);
        Assert.False(File.Exists(PartialFile));
        Assert.Empty(_client.DownloadedFiles());
    }

    [Fact]
    public async Task DownloadAsync_ServerErrorsUntilAttemptsRunOut_FailsAndKeepsNothingWrong()
    {
        _client.Server.Misbehave = (context, name) =>
        {
            if (name != UrlPath)
            {
                return Task.FromResult(false);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.FromResult(true);
        };

        await Assert.ThrowsAsync<HttpRequestException>(() => Updater(attempts: 3).DownloadAsync(Target, Ct));

        Assert.Equal(3, TargetRequests().Length);
        Assert.Empty(_client.DownloadedFiles());
    }
}
