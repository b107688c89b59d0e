using Microsoft.Extensions.Options;

namespace Outpost.Server.Devices;

/// <summary>Flushes the check-in buffer every <see cref="DevicesOptions.CheckInFlushInterval"/>, or earlier when a batch is full.</summary>
internal sealed class CheckInFlushService(CheckInWriteBehind buffer, IOptions<DevicesOptions> options, TimeProvider time)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using (var interval = new CancellationTokenSource(options.Value.CheckInFlushInterval, time))
            using (stoppingToken.Register(interval.Cancel))
            {
                try
                {
                    await buffer.WaitForFullBatchAsync(interval.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The interval elapsed: flush what is there.
                }
            }

            try
            {
                await buffer.FlushAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged by the buffer; the entries stay buffered and the next round retries.
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await buffer.FlushAsync(cancellationToken);
    }
}
