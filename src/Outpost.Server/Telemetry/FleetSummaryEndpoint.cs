using Microsoft.Extensions.Options;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Admin;
using Outpost.Server.Devices;
using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

/// <summary><c>GET /v1/fleet/summary</c> (viewer): device counts by status, by site and by current release.</summary>
internal static class FleetSummaryEndpoint
{
    public static void MapFleetSummary(this IEndpointRouteBuilder admin) =>
        admin.MapGet(TelemetryApiRoutes.FleetSummary, async (
                HttpContext http, IFleetStore fleet, CheckInWriteBehind buffer, IOptions<DevicesOptions> options, TimeProvider time) =>
            {
                await buffer.FlushAsync(http.RequestAborted);
                var rows = await fleet.CountAsync(DeviceStatusRules.OnlineSince(time.GetUtcNow(), options.Value), http.RequestAborted);
                return TypedResults.Json(Summarize(rows), OutpostJsonContext.Default.FleetSummary);
            })
            .RequireRole(AdminRole.Viewer).Produces<FleetSummary>();

    public static FleetSummary Summarize(IReadOnlyList<FleetCountRow> rows) => new()
    {
        Devices = Sum(null, rows),
        BySite = [.. rows.GroupBy(r => r.Site, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Sum(g.Key, g))],
        ByRelease = [.. rows.GroupBy(r => r.CurrentRelease, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Sum(g.Key, g))],
    };

    private static FleetGroupCount Sum(string? key, IEnumerable<FleetCountRow> rows)
    {
        int total = 0, online = 0, offline = 0, revoked = 0;
        foreach (var row in rows)
        {
            total += row.Total;
            online += row.Online;
            offline += row.Offline;
            revoked += row.Revoked;
        }

        return new FleetGroupCount { Key = key, Total = total, Online = online, Offline = offline, Revoked = revoked };
    }
}
