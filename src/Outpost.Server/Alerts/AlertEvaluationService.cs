using Microsoft.Extensions.Options;

namespace Outpost.Server.Alerts;

/// <summary>Runs <see cref="AlertEvaluator"/> every <see cref="AlertsOptions.EvaluationInterval"/>.</summary>
internal sealed class AlertEvaluationService(
    AlertEvaluator evaluator, IOptions<AlertsOptions> options, TimeProvider time, ILogger<AlertEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluationInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await evaluator.EvaluateAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // An unhandled exception here would stop the server; alerting must not.
                    Log.EvaluationFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
