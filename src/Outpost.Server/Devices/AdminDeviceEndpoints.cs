using System.Globalization;
using Microsoft.Extensions.Options;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Server.Admin;
using Outpost.Server.Http;
using Outpost.Server.Storage;

namespace Outpost.Server.Devices;

/// <summary>Devices on the admin API. Reads flush the check-in buffer first so last-seen is never stale by a flush interval.</summary>
internal static class AdminDeviceEndpoints
{
    public static void MapAdminDevices(this IEndpointRouteBuilder admin)
    {
        admin.MapGet(AdminApiRoutes.Devices, ListAsync).RequireRole(AdminRole.Viewer)
            .Produces<DeviceList>().ProducesValidationProblem();

        admin.MapGet(AdminApiRoutes.Devices + "/{id}", async (
                string id, HttpContext http, IDeviceStore devices, CheckInWriteBehind buffer, IOptions<DevicesOptions> options, TimeProvider time) =>
            {
                await buffer.FlushAsync(http.RequestAborted);
                var device = await devices.GetAsync(id, http.RequestAborted);
                return device is null
                    ? Problems.NotFound($"No device with id '{id}'.")
                    : TypedResults.Json(
                        device.ToView(DeviceStatusRules.OnlineSince(time.GetUtcNow(), options.Value), withSystem: true),
                        OutpostJsonContext.Default.DeviceView);
            })
            .RequireRole(AdminRole.Viewer).Produces<DeviceView>().ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapPost(AdminApiRoutes.Devices + "/{id}/revoke", async (
                string id, HttpContext http, IDeviceStore devices, IOptions<DevicesOptions> options, TimeProvider time,
                ILoggerFactory loggers) =>
            {
                var logger = loggers.CreateLogger("Outpost.Server.Devices");
                var now = time.GetUtcNow();
                if (!await devices.RevokeAsync(id, now, http.RequestAborted))
                {
                    return Problems.NotFound($"No device with id '{id}'.");
                }

                var callerId = http.Caller().Token.Id;

                Log.DeviceRevoked(logger, id, callerId);
                var device = await devices.GetAsync(id, http.RequestAborted);
                return TypedResults.Json(
                    device!.ToView(DeviceStatusRules.OnlineSince(now, options.Value), withSystem: false), OutpostJsonContext.Default.DeviceView);
            })
            .RequireRole(AdminRole.Operator).Produces<DeviceView>().ProducesProblem(StatusCodes.Status404NotFound);

        admin.MapDesiredRelease();
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, IDeviceStore devices, CheckInWriteBehind buffer, IOptions<DevicesOptions> options, TimeProvider time)
    {
        var query = http.Request.Query;
        if (!TryInt(query["limit"], 100, 1, 1000, out var limit))
        {
            return Problems.BadRequest("limit", "limit must be an integer between 1 and 1000.");
        }

        if (!TryInt(query["offset"], 0, 0, int.MaxValue, out var offset))
        {
            return Problems.BadRequest("offset", "offset must be a non-negative integer.");
        }

        DeviceStatus? status = null;
        if (query["status"].ToString() is { Length: > 0 } text)
        {
            if (!Enum.TryParse<DeviceStatus>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || char.IsDigit(text[0]))
            {
                return Problems.BadRequest("status", "status must be online, offline or revoked.");
            }

            status = parsed;
        }

        await buffer.FlushAsync(http.RequestAborted);
        var onlineSince = DeviceStatusRules.OnlineSince(time.GetUtcNow(), options.Value);
        var page = await devices.ListAsync(
            new DeviceQuery
            {
                Site = NullIfEmpty(query["site"].ToString()), Tag = NullIfEmpty(query["tag"].ToString()), Status = status,
                OnlineSince = onlineSince, Limit = limit, Offset = offset,
            },
            http.RequestAborted);
        return TypedResults.Json(
            new DeviceList { Items = [.. page.Items.Select(d => d.ToView(onlineSince, withSystem: false))], Total = page.Total },
            OutpostJsonContext.Default.DeviceList);
    }

    private static bool TryInt(Microsoft.Extensions.Primitives.StringValues value, int fallback, int min, int max, out int result)
    {
        if (value.Count == 0 || string.IsNullOrEmpty(value[0]))
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
