using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Alerts;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Alerts;
using Outpost.Server.Dashboard.Pages;
using Outpost.Server.Devices;
using Outpost.Server.Rollouts;
using Outpost.Server.Storage;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Dashboard;

/// <summary>The landing page: fleet counts, devices by site and by release, active rollouts, firing alerts.</summary>
internal static class DashboardOverviewEndpoint
{
    public static void MapDashboardOverview(this IEndpointRouteBuilder dashboard) =>
        dashboard.MapGet(DashboardRoutes.Root, async (
                HttpContext http, IFleetStore fleet, IRolloutStore rollouts, IAlertStore alerts, CheckInWriteBehind buffer,
                IOptions<DevicesOptions> devices, IOptions<DashboardOptions> options, TimeProvider time) =>
            {
                var cancel = http.RequestAborted;
                await buffer.FlushAsync(cancel);
                var now = time.GetUtcNow();
                var summary = FleetSummaryEndpoint.Summarize(await fleet.CountAsync(DeviceStatusRules.OnlineSince(now, devices.Value), cancel));
                var active = new List<RolloutView>();
                foreach (var rollout in await rollouts.ListAsync(activeOnly: true, cancel))
                {
                    active.Add(await RolloutViews.BuildAsync(rollouts, rollout, decisions: null, cancel));
                }

                var firing = await alerts.ListFiringAsync(cancel);
                return new RazorComponentResult<OverviewPage>(new
                {
                    Caller = http.DashboardCaller(),
                    Now = now,
                    Summary = summary,
                    Rollouts = (IReadOnlyList<RolloutView>)active,
                    Alerts = (IReadOnlyList<AlertView>)[.. firing.Select(a => a.ToView())],
                    RefreshMs = (int)options.Value.LiveRefreshInterval.TotalMilliseconds,
                });
            })
            .RequireDashboard(AdminRole.Viewer);
}
