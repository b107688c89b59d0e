using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddSingleton<Alerts.IHaltedRolloutsReader, RolloutHaltedAlertSource>();
        services.AddSingleton<GateEvaluator>();
        services.AddSingleton<RolloutStateMachine>();
        services.AddSingleton<RolloutActionService>();
        services.AddSingleton(sp => new RolloutEngine(
            sp.GetRequiredService<IRolloutStore>(), sp.GetRequiredService<IDeviceStore>(), sp.GetRequiredService<RolloutStateMachine>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RolloutEngine>>(), sp.GetService<CheckInWriteBehind>(),
            sp.GetRequiredService<StoreDatabase>()));
        services.AddHostedService<RolloutEngineService>();
        return services;
    }
}
