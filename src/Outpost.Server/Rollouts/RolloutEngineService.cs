using Microsoft.Extensions.Options;

namespace Outpost.Server.Rollouts;

/// <summary>Ticks the rollout engine every <see cref="RolloutsOptions.TickInterval"/> on the server's clock.</summary>
internal sealed class RolloutEngineService(
    RolloutEngine engine, IOptions<RolloutsOptions> options, TimeProvider time, ILogger<RolloutEngineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EngineEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        do
        {
            try
            {
                await engine.TickAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.TickFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
