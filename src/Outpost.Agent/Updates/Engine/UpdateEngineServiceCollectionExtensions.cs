using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Configuration;
using Outpost.Agent.Sync;
using Outpost.Agent.Updates.Downloads;
using Outpost.Agent.Updates.Releases;
using Outpost.Agent.Updates.SelfUpdate;
using Outpost.Agent.Workloads;
using Microsoft.Extensions.Options;

namespace Outpost.Agent.Updates.Engine;

internal static class UpdateEngineServiceCollectionExtensions
{
    /// <summary>How often the health window asks the supervisor; failures are seen within this.</summary>
    public static readonly TimeSpan HealthPollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The update engine for the data folder <paramref name="dataDirectory"/>, fed by check-ins. Uses the registered
    /// <see cref="IWorkloadSupervisor"/> (a process-less stand-in if none is) and <see cref="IAgentSelfUpdate"/> if any.
    /// Register before AddCheckIn: hosted services start in order.
    /// </summary>
    public static IServiceCollection AddUpdateEngine(this IServiceCollection services, string dataDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWorkloadSupervisor, ProcesslessWorkloadSupervisor>();
        services.AddSingleton(sp =>
        {
            var paths = new AgentPaths(dataDirectory);
            var time = sp.GetRequiredService<TimeProvider>();
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Outpost.Agent.Updates");
            var server = new Uri(sp.GetRequiredService<IOptions<AgentOptions>>().Value.ServerUrl!);
            var source = ReleaseSourceFactory.Create(
                dataDirectory, server, (HttpDeviceTransport)sp.GetRequiredService<IDeviceTransport>(), time, logger,
                sp.GetService<IOptions<DownloadOptions>>()?.Value, sp.GetService<DownloadMeter>());
            return UpdateEngineFactory.Create(
                paths, source, sp.GetRequiredService<IWorkloadSupervisor>(), sp.GetService<IAgentSelfUpdate>(), time, logger, HealthPollInterval);
        });
        services.AddSingleton<IUpdateStatusSource>(sp => sp.GetRequiredService<UpdateEngine>());
        services.AddHostedService<UpdateEngineService>();
        return services;
    }
}
