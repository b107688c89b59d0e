using System.Globalization;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Alerts;
using Outpost.Server.Admin;
using Outpost.Server.Http;

namespace Outpost.Server.Alerts;

/// <summary><c>GET /v1/alerts</c> (viewer) and the runbooks the alerts link to (anonymous: they are public documentation).</summary>
internal static class AlertEndpoints
{
    public static void MapAlerts(this IEndpointRouteBuilder admin)
    {
        admin.MapGet(AlertApiRoutes.Alerts, ListAsync).RequireRole(AdminRole.Viewer)
            .Produces<AlertList>().ProducesValidationProblem();

        admin.MapGet(AlertApiRoutes.Runbooks + "/{file}", (string file) =>
                Runbooks.Read(file) is { } text
                    ? Results.Text(text, "text/markdown; charset=utf-8")
                    : Problems.NotFound($"No runbook '{file}'."))
            .Produces<string>(contentType: "text/markdown").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(HttpContext http, IAlertStore store)
    {
        var query = http.Request.Query;
        if (!AlertStateFilter.TryParse(query["state"].ToString(), out var state))
        {
            return Problems.BadRequest("state", AlertStateFilter.Message);
        }

        var limit = 500;
        if (query["limit"].ToString() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 5000))
        {
            return Problems.BadRequest("limit", "limit must be an integer between 1 and 5000.");
        }

        var device = query["device"].ToString();
        var alerts = await store.ListAsync(
            new AlertQuery { State = state, DeviceId = device.Length == 0 ? null : device, Limit = limit }, http.RequestAborted);
        return TypedResults.Json(new AlertList { Items = [.. alerts.Select(a => a.ToView())] }, OutpostJsonContext.Default.AlertList);
    }
}
