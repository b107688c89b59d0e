using Outpost.Server.Observability;
using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>Telemetry ingest and storage, compaction, the workload-metrics reader for rollouts, and Prometheus.</summary>
    public static IServiceCollection AddOutpostTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations()
            .Validate(o => TelemetryOptions.Validate(o) is null, "Invalid Outpost:Telemetry settings: see docs/telemetry.md (retentions >= 00:05:00, raw <= 5-minute <= 1-hour).")
            .ValidateOnStart();
        services.AddOptions<PrometheusOptions>().BindConfiguration(PrometheusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITelemetryStore, AdoTelemetryStore>();
        services.AddSingleton<IFleetStore, AdoFleetStore>();
        services.AddSingleton<IWorkloadMetricsReader, StoredWorkloadMetricsReader>();
        services.AddSingleton<TelemetryCompactionService>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryCompactionService>());
        services.AddSingleton<ServerMetrics>();
        services.AddSingleton<FleetMetricsCollector>();
        return services;
    }

    public static void MapTelemetryDevice(this IEndpointRouteBuilder device) => device.MapTelemetryIngest();

    public static void MapTelemetryAdmin(this IEndpointRouteBuilder admin)
    {
        admin.MapTelemetryAdminRoutes();
        admin.MapFleetSummary();
        admin.MapPrometheus();
    }
}
