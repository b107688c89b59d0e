using Microsoft.Extensions.Options;
using Outpost.Protocol.Alerts;

namespace Outpost.Server.Alerts;

/// <summary>
/// Sends firing alerts and recently resolved ones to Alertmanager when the evaluator reports a change, and again
/// every resend interval (Alertmanager expects resends). Stateless on purpose: what to send is read from the store
/// each round, so a restart or another replica sends the same thing and Alertmanager deduplicates by labels.
/// </summary>
internal sealed class AlertDeliveryService(
    AlertDeliverySignal signal, IAlertStore store, AlertmanagerClient client, AlertLinks links,
    IOptions<AlertsOptions> options, TimeProvider time, ILogger<AlertDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Alertmanager.Urls.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            using (var resend = new CancellationTokenSource(options.Value.Alertmanager.ResendInterval, time))
            using (var either = CancellationTokenSource.CreateLinkedTokenSource(resend.Token, stoppingToken))
            {
                await signal.WaitAsync(either.Token);
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await DeliverOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A store hiccup: the next round reads and sends again.
                Log.DeliveryRoundFailed(logger, ex);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async Task<bool> DeliverOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Alertmanager;
        var now = time.GetUtcNow();
        var alerts = await store.ListAsync(
            new AlertQuery { State = null, ResolvedSince = now - settings.ResolvedResendPeriod, Limit = 100_000 }, cancellationToken);
        if (alerts.Count == 0)
        {
            return true;
        }

        return await client.SendAsync(AlertmanagerPayload.Build(alerts, now, settings.ResendInterval, links), cancellationToken);
    }
}
