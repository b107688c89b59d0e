using Outpost.Server.Alerts;
using Outpost.Server.Observability;
using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>Telemetry ingest and storage, compaction, the workload-metrics reader for rollouts, and Prometheus.</summary>
    public static IServiceCollection AddOutpostTelemetry(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations()
            .Validate(o => TelemetryOptions.Validate(o) is null,
                "Invalid Outpost:Telemetry settings: retentions >= 00:05:00 with RawMetricRetention <= FiveMinuteMetricRetention <= HourMetricRetention, CompactionInterval 00:00:01 to 7.00:00:00 (docs/telemetry.md).")
            .ValidateOnStart();
        services.AddOptions<PrometheusOptions>().BindConfiguration(PrometheusOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ITelemetryStore, AdoTelemetryStore>();
        services.AddSingleton<IFleetStore, AdoFleetStore>();
        services.AddSingleton<IWorkloadMetricsReader, StoredWorkloadMetricsReader>();
        services.AddSingleton<ITelemetryDropsReader, StoredTelemetryDropsReader>();
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
