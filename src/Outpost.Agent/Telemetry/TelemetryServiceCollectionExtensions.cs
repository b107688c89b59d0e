using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Outpost.Agent.Configuration;
using Outpost.Agent.LocalApi;
using Outpost.Agent.Sync;
using Outpost.Agent.Telemetry.Metrics;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Agent.Telemetry.Upload;
using Outpost.Agent.Workloads;

namespace Outpost.Agent.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The outbox, system metrics, the uploader and the workloads' local API. Needs the device transport and
    /// TimeProvider that <c>AddCheckIn</c> registers: uploads go over the same mTLS client as check-ins.
    /// </summary>
    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Jitter and reservoir sampling; not secrets.")]
    public static IServiceCollection AddTelemetry(this IServiceCollection services, AgentPaths paths)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        services.AddOptions<LocalApiOptions>().BindConfiguration(LocalApiOptions.Section);
        services.AddSingleton(paths);
        services.AddSingleton(sp => new TelemetryOutbox(paths.Outbox, Get<OutboxOptions>(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new MetricAggregator(Get<TelemetryOptions>(sp), sp.GetRequiredService<TimeProvider>(), new Random()));
        services.AddSingleton(sp => new SystemMetricsSampler(
            Get<AgentOptions>(sp).SystemRoot, sp.GetRequiredService<MetricAggregator>(), sp.GetRequiredService<TimeProvider>(),
            workloads: sp.GetService<WorkloadSupervisor>() is { } supervisor ? () => supervisor.Processes : null));
        services.AddSingleton<ITelemetryTransport>(sp => new HttpTelemetryTransport((HttpDeviceTransport)sp.GetRequiredService<IDeviceTransport>()));
        services.AddSingleton(sp => new LogLimiter(Get<LocalApiOptions>(sp).LogLevels, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LocalApiHandler(
            sp.GetRequiredService<TelemetryOutbox>(), sp.GetRequiredService<MetricAggregator>(), sp.GetRequiredService<LogLimiter>(),
            new ReleaseReader(paths), Get<LocalApiOptions>(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => new SystemMetricsService(
            sp.GetRequiredService<SystemMetricsSampler>(), sp.GetRequiredService<MetricAggregator>(), sp.GetRequiredService<TelemetryOutbox>(),
            Get<TelemetryOptions>(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SystemMetricsService>>()));
        services.AddHostedService(sp =>
        {
            var options = Get<TelemetryOptions>(sp);
            return new TelemetryUploader(
                sp.GetRequiredService<TelemetryOutbox>(), sp.GetRequiredService<ITelemetryTransport>(),
                new FullJitterBackoff(options.UploadBackoffBase, options.UploadBackoffMax, new Random()),
                new BatchSizer(options.UploadTargetDuration), options.UploadInterval,
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TelemetryUploader>>());
        });
        services.AddSingleton(sp => new LocalApiService(
            sp.GetRequiredService<LocalApiHandler>(), sp.GetRequiredService<LogLimiter>(), sp.GetRequiredService<TelemetryOutbox>(),
            paths, Get<LocalApiOptions>(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<LocalApiService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<LocalApiService>());
        return services;
    }

    private static T Get<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
