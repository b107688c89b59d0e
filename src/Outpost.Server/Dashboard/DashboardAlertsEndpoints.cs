using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Alerts;
using Outpost.Server.Alerts;
using Outpost.Server.Dashboard.Pages;

namespace Outpost.Server.Dashboard;

/// <summary>The alerts page: firing, resolved or all alerts (the store's list, as <c>GET /v1/alerts</c>), each with its runbook.</summary>
internal static class DashboardAlertsEndpoints
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;
    private const int MaxFilterLength = 200;

    public static void MapDashboardAlerts(this IEndpointRouteBuilder dashboard) =>
        dashboard.MapGet(DashboardRoutes.Alerts, async (
                HttpContext http, IAlertStore store, IOptions<DashboardOptions> options, TimeProvider time) =>
            {
                var query = http.Request.Query;
                var stateText = query["state"].ToString();
                var rule = query["rule"].ToString().Trim();
                var device = query["device"].ToString().Trim();
                var limitText = query["limit"].ToString();
                var limit = DefaultLimit;
                string? problem = null;
                if (!AlertStateFilter.TryParse(stateText, out var state))
                {
                    problem = "The state filter must be firing, resolved or all.";
                }
                else if (rule.Length > MaxFilterLength || device.Length > MaxFilterLength)
                {
                    problem = $"The rule and device filters are at most {MaxFilterLength} characters.";
                }
                else if (limitText.Length > 0
                    && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
                {
                    problem = $"limit must be a whole number from 1 to {MaxLimit}.";
                }

                if (problem is not null)
                {
                    return (IResult)DashboardNotice.Result(
                        http.DashboardCaller(), StatusCodes.Status400BadRequest, "Alerts: bad filter", "alerts", problem,
                        DashboardRoutes.Alerts, "Firing alerts");
                }

                var alerts = await store.ListAsync(
                    new AlertQuery
                    {
                        State = state, Rule = rule.Length == 0 ? null : rule, DeviceId = device.Length == 0 ? null : device, Limit = limit,
                    },
                    http.RequestAborted);
                return new RazorComponentResult<AlertsPage>(new
                {
                    Caller = http.DashboardCaller(),
                    Now = time.GetUtcNow(),
                    Alerts = (IReadOnlyList<AlertView>)[.. alerts.Select(a => a.ToView())],
                    State = stateText.Length == 0 ? "firing" : stateText,
                    Rule = rule,
                    Device = device,
                    Limit = limit,
                    RefreshMs = (int)options.Value.LiveRefreshInterval.TotalMilliseconds,
                });
            })
            .RequireDashboard(AdminRole.Viewer);
}
