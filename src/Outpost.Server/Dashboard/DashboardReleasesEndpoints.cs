using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outpost.Protocol.Admin;
using Outpost.Server.Dashboard.Pages;
using Outpost.Server.Dashboard.Views;
using Outpost.Server.Devices;

namespace Outpost.Server.Dashboard;

/// <summary>The releases list and one release's page: artifacts, signing keys, devices running it, rollouts of it.</summary>
internal static class DashboardReleasesEndpoints
{
    public static void MapDashboardReleases(this IEndpointRouteBuilder dashboard)
    {
        dashboard.MapGet(DashboardRoutes.Releases, async (
                HttpContext http, ReleaseViewBuilder releases, CheckInWriteBehind buffer, IOptions<DashboardOptions> options, TimeProvider time) =>
            {
                await buffer.FlushAsync(http.RequestAborted);
                var rows = await releases.ListAsync(http.RequestAborted);
                var targets = releases.State.Targets?.Signed;
                return new RazorComponentResult<ReleasesPage>(new
                {
                    Caller = http.DashboardCaller(),
                    Now = time.GetUtcNow(),
                    Releases = rows,
                    Targets = targets is null ? null : new TargetsSummaryView(targets.Version, targets.Expires, targets.Targets.Count),
                    RefreshMs = Refresh(options),
                });
            })
            .RequireDashboard(AdminRole.Viewer);

        dashboard.MapGet(DashboardRoutes.Releases + "/{name}/{version}", async (
                string name, string version, HttpContext http, ReleaseViewBuilder releases, CheckInWriteBehind buffer,
                IOptions<DashboardOptions> options, TimeProvider time) =>
            {
                await buffer.FlushAsync(http.RequestAborted);
                if (await releases.DetailAsync(name, version, http.RequestAborted) is not { } detail)
                {
                    return (IResult)DashboardNotice.Result(
                        http.DashboardCaller(), StatusCodes.Status404NotFound, "Release not found", "releases",
                        $"The current signed targets metadata lists no release {name}@{version}.",
                        DashboardRoutes.Releases, "All releases");
                }

                return new RazorComponentResult<ReleasePage>(new
                {
                    Caller = http.DashboardCaller(),
                    Now = time.GetUtcNow(),
                    Detail = detail,
                    RefreshMs = Refresh(options),
                });
            })
            .RequireDashboard(AdminRole.Viewer);
    }

    private static int Refresh(IOptions<DashboardOptions> options) => (int)options.Value.LiveRefreshInterval.TotalMilliseconds;
}
