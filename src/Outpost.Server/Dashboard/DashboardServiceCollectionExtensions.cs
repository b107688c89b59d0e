using Microsoft.AspNetCore.DataProtection;
using Outpost.Server.Hosting;
using Outpost.Server.Storage;

namespace Outpost.Server.Dashboard;

/// <summary>The operator dashboard on the admin listener: server-rendered Razor components, a session cookie, no CDN.</summary>
internal static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddOptions<DashboardOptions>().BindConfiguration(DashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDashboardSessionStore, AdoDashboardSessionStore>();
        services.AddSingleton<IReleaseDevicesReader, AdoReleaseDevicesReader>();
        services.AddSingleton<ReleaseHistory>();
        services.AddSingleton<ReleaseViewBuilder>();
        services.AddSingleton<Rollouts.DeviceRolloutHistoryReader>();
        services.AddRazorComponents();
        // Razor components bring antiforgery, which wants Data Protection keys. Nothing here protects data with them
        // (sessions live in the database, CSRF tokens in the session row), so keys stay in memory: nothing is
        // written to the service account's home folder and nothing breaks across restarts or replicas.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        return services;
    }

    public static void MapDashboard(this IEndpointRouteBuilder app)
    {
        // The bare admin address opens the dashboard.
        app.MapGet("/", () => Results.Redirect(DashboardRoutes.Root)).OnListener(ListenerKind.Admin).ExcludeFromDescription();

        var dashboard = app.MapGroup("").OnListener(ListenerKind.Admin).WithServerTiming().WithDashboardHeaders().ExcludeFromDescription();
        dashboard.MapDashboardAssets();
        dashboard.MapDashboardLogin();
        dashboard.MapDashboardOverview();
        dashboard.MapDashboardRollouts();
        dashboard.MapDashboardReleases();
        dashboard.MapDashboardAlerts();
        dashboard.MapDashboardDevices();
    }
}
