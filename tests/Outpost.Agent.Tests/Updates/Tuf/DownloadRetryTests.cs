using Microsoft.AspNetCore.Http;
using Outpost.Agent.Updates.Downloads;
using Outpost.Agent.Updates.Tuf;

namespace Outpost.Agent.Tests.Updates.Tuf;

/// <summary>Retries wait on the injected <see cref="TimeProvider"/>: nothing is fetched again before the backoff has passed.</summary>
public sealed class DownloadRetryTests
{
    private const string Target = "releases/app/1.0.0/app.tar.gz";

    [Fact]
    public async Task DownloadAsync_ServerErrorOnce_WaitsTheBackoffOnFakeTimeThenSucceeds()
    {
        await using var client = await TufClientFixture.StartAsync();
        var failed = 0;
        client.Server.Misbehave = (context, name) =>
        {
            if (!name.EndsWith("app.tar.gz", StringComparison.Ordinal) || Interlocked.Exchange(ref failed, 1) == 1)
            {
                return Task.FromResult(false);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.FromResult(true);
        };
        var updater = client.Updater(o => new TufClientOptions
        {
            MetadataDirectory = o.MetadataDirectory,
            MetadataUrl = o.MetadataUrl,
            TargetBaseUrl = o.TargetBaseUrl,
            TargetDirectory = o.TargetDirectory,
            Download = new DownloadOptions { Attempts = 2, RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromSeconds(10) },
        });
        var waiting = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        updater.Downloads.RetryWaiting += delay => waiting.TrySetResult(delay);

        var download = updater.DownloadAsync(Target, TestContext.Current.CancellationToken);
        var delay = await waiting.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.Equal(1, client.Server.CountOf("/targets/" + client.Repository.TargetUrlPath(Target, client.Repository.Artifacts[Target])));
        client.Time.Advance(TimeSpan.FromSeconds(10));
        var path = await download;
        Assert.Equal(client.Repository.Artifacts[Target], await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }
}
