using Microsoft.Extensions.Hosting;

namespace Outpost.Agent.Sync;

/// <summary>Runs the <see cref="CheckInLoop"/> for the lifetime of the host; SIGTERM/SIGINT cancel it cleanly.</summary>
internal sealed class CheckInService(CheckInLoop loop) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => loop.RunAsync(stoppingToken);
}
