using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Outpost.Protocol;
using Outpost.Server.Admin;
using Outpost.Server.Alerts;
using Outpost.Server.Certificates;
using Outpost.Server.Dashboard;
using Outpost.Server.Devices;
using Outpost.Server.Enrollment;
using Outpost.Server.Repository;
using Outpost.Server.Rollouts;
using Outpost.Server.Storage;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Hosting;

internal static class OutpostServerExtensions
{
    public static WebApplicationBuilder AddOutpostServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // stdout carries only the machine-readable start-up lines; logs go to stderr.
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new StartupOutput(Console.Out));
        services.AddOptions<OutpostOptions>().BindConfiguration(OutpostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TlsOptions>().BindConfiguration(TlsOptions.Section)
            .Validate(o => o.ServerCertificateLifetime >= TimeSpan.FromDays(1),
                "Set Outpost:Tls:ServerCertificateLifetime to at least 1.00:00:00.")
            .ValidateOnStart();
        services.AddOptions<DevicesOptions>().BindConfiguration(DevicesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeviceApiOptions>().BindConfiguration(DeviceApiOptions.Section)
            .Validate(o => ListenAddress.TryParse(o.Url, "Outpost:DeviceApi:Url", out _) is { Https: true },
                "Set Outpost:DeviceApi:Url to an https:// URL with an IP address, localhost or 0.0.0.0 as host.")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SocketTransportOptions>().Configure<IOptions<DeviceApiOptions>>((o, device) => o.Backlog = device.Value.ListenBacklog);
        services.AddOptions<AdminApiOptions>().BindConfiguration(AdminApiOptions.Section)
            .Validate(o => ListenAddress.TryParse(o.Url, "Outpost:AdminApi:Url", out _) is not null,
                "Set Outpost:AdminApi:Url to an http:// or https:// URL with an IP address, localhost or 0.0.0.0 as host.")
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().BindConfiguration(BootstrapOptions.Section);

        services.AddOutpostStorage();
        services.AddTufRepository();
        services.AddOutpostTelemetry();
        services.AddRollouts();
        services.AddAlerts();
        services.AddDashboard();
        services.AddSingleton<ServerCredentials>();
        services.AddSingleton<DeviceCertificateIssuer>();
        services.AddSingleton<DeviceAuthenticator>();
        services.AddSingleton<CheckInWriteBehind>();
        services.AddHostedService<CheckInFlushService>();
        services.AddSingleton<AdminBootstrapper>();
        services.AddSingleton<BoundListeners>();
        services.AddSingleton<StartupAnnouncer>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelListenerSetup>();

        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, OutpostJsonContext.Default));
        services.AddOpenApi();
        return builder;
    }

    /// <summary>Migrates the database and makes the first admin token of a new data folder (CA and TLS material are made while Kestrel is configured).</summary>
    public static async Task InitializeOutpostAsync(this WebApplication app)
    {
        var services = app.Services;
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        _ = services.GetRequiredService<ServerCredentials>().Authority;
        services.GetRequiredService<StartupAnnouncer>().InitialAdminToken =
            await services.GetRequiredService<AdminBootstrapper>().EnsureInitialTokenAsync(app.Lifetime.ApplicationStopping);
        _ = services.GetRequiredService<TufRepository>();
    }

    public static WebApplication MapOutpost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseListenerGuard();

        var device = app.MapGroup("").OnListener(ListenerKind.Device).WithTags("Device API");
        device.MapEnrollment();
        device.MapDeviceRoutes();
        device.MapTelemetryDevice();

        var admin = app.MapGroup("").OnListener(ListenerKind.Admin).WithTags("Admin API");
        admin.MapAdminTokens();
        admin.MapAdminDevices();
        admin.MapEnrollmentTokens();
        admin.MapTufAdmin();
        admin.MapTelemetryAdmin();
        admin.MapAlerts();
        admin.MapRollouts();
        app.MapGroup("").OnListener(ListenerKind.Device).OnListener(ListenerKind.Admin).WithTags("TUF repository").MapTufPublic();
        app.MapOpenApi().OnListener(ListenerKind.Admin);
        app.MapDashboard();

        var announcer = app.Services.GetRequiredService<StartupAnnouncer>();
        app.Lifetime.ApplicationStarted.Register(announcer.Announce);
        return app;
    }
}
