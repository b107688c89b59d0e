using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Outpost.Server.Devices;
using Outpost.Server.Storage;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Rollouts;

internal static class RolloutServiceCollectionExtensions
{
    public static IServiceCollection AddRollouts(this IServiceCollection services)
    {
        services.AddOptions<RolloutsOptions>().BindConfiguration(RolloutsOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.KnownMetrics.All(m => !string.IsNullOrWhiteSpace(m)), "Set Outpost:Rollouts:KnownMetrics to non-empty metric names.")
            .ValidateOnStart();
        services.AddSingleton<IRolloutStore, AdoRolloutStore>();
        services.AddSingleton<IRolloutStatusReader, RolloutStatusReader>();
        services.TryAddSingleton<IWorkloadMetricsReader, NoWorkloadMetrics>();
        services.AddSingleton<GateEvaluator>();
        services.AddSingleton<RolloutStateMachine>();
        services.AddSingleton(sp => new RolloutEngine(
            sp.GetRequiredService<IRolloutStore>(), sp.GetRequiredService<IDeviceStore>(), sp.GetRequiredService<RolloutStateMachine>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RolloutEngine>>(), sp.GetService<CheckInWriteBehind>()));
        services.AddHostedService(sp => sp.GetRequiredService<IOptions<RolloutsOptions>>().Value.EngineEnabled
            ? sp.GetRequiredService<RolloutEngineService>()
            : (IHostedService)new DisabledService());
        services.AddSingleton<RolloutEngineService>();
        return services;
    }

    private sealed class DisabledService : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
