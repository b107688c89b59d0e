using Microsoft.Extensions.Options;
using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

/// <summary>Runs downsampling and retention every <see cref="TelemetryOptions.CompactionInterval"/> on the injected clock.</summary>
internal sealed class TelemetryCompactionService(
    ITelemetryStore store, IOptions<TelemetryOptions> options, TimeProvider time, ILogger<TelemetryCompactionService> logger)
    : BackgroundService
{
    /// <summary>One pass as of now; the background loop and tests call this.</summary>
    public async Task<RetentionResult> CompactOnceAsync(CancellationToken cancellationToken)
    {
        var result = await store.CompactAsync(options.Value.ToPolicy(), time.GetUtcNow(), cancellationToken);
        if (result.MetricWindowsRolledUp + result.MetricWindowsDeleted + result.EntriesDeleted > 0)
        {
            Log.Compacted(logger, result.MetricWindowsRolledUp, result.MetricWindowsDeleted, result.EntriesDeleted);
        }

        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CompactionInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await CompactOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.CompactionFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
