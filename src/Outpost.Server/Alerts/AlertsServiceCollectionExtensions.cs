using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Outpost.Server.Alerts.Rules;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Alerts;

internal static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddAlerts(this IServiceCollection services)
    {
        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertsOptions>, AlertsOptionsValidator>();
        services.AddSingleton<IAlertStore, AdoAlertStore>();
        services.AddSingleton<AlertDeviceReader>();
        services.AddSingleton<AlertLinks>();
        services.AddSingleton<AlertDeliverySignal>();
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<AlertmanagerClient>();
        services.AddSingleton<AlertDeliveryService>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDeliveryService>());
        services.AddHostedService<AlertEvaluationService>();
        services.AddHttpClient(AlertmanagerClient.HttpClientName);

        services.AddSingleton<IAlertRule, DeviceOfflineRule>();
        services.AddSingleton<IAlertRule, DiskFullRule>();
        services.AddSingleton<IAlertRule, SwappingRule>();
        services.AddSingleton<IAlertRule, InferenceRateLowRule>();
        services.AddSingleton<IAlertRule, CrashLoopRule>();
        services.AddSingleton<IAlertRule, BadVersionRule>();
        services.AddSingleton<IAlertRule, CertificateExpiringRule>();
        services.AddSingleton<IAlertRule, RolloutHaltedRule>();
        services.AddSingleton<IAlertRule, OutboxDroppingRule>();

        // The readers the rules use come from AddOutpostTelemetry (metrics, drops) and AddRollouts (halted rollouts).
        return services;
    }
}
