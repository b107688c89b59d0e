using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Outpost.Agent.Workloads;

internal static class WorkloadServiceCollectionExtensions
{
    /// <summary>
    /// The workload supervisor as <see cref="IWorkloadSupervisor"/> (singleton), and a hosted service that stops the
    /// leftovers of a killed agent at startup and the workload at shutdown.
    /// </summary>
    public static IServiceCollection AddWorkloads(this IServiceCollection services, AgentPaths paths)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new WorkloadSupervisor(
            paths, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WorkloadSupervisor>>()));
        services.AddSingleton<IWorkloadSupervisor>(sp => sp.GetRequiredService<WorkloadSupervisor>());
        services.AddHostedService<WorkloadLifetimeService>();
        return services;
    }
}
