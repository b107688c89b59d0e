using Microsoft.Extensions.Options;

namespace Outpost.Server.Repository;

/// <summary>Checks every <see cref="TufOptions.RefreshInterval"/> whether snapshot or timestamp must be re-signed before they expire.</summary>
internal sealed class MetadataRefreshService(
    TufRepository repository, IOptions<TufOptions> options, TimeProvider time, ILogger<MetadataRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await repository.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Keep trying on the next tick: a dead refresher would let the timestamp expire and freeze the
                    // whole fleet's updates, and an unhandled exception here would stop the server.
                    Log.RefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
