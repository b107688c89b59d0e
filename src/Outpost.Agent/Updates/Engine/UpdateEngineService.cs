using Microsoft.Extensions.Hosting;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// Hosts the engine. Registered before the check-in service, so its start-up reconcile (journal repair, the committed
/// release's workload started, an interrupted revert finished) completes before the first check-in.
/// </summary>
internal sealed class UpdateEngineService(UpdateEngine engine) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        engine.Load();
        await engine.ReconcileAsync(quickOnly: true, cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => engine.RunAsync(stoppingToken);
}
