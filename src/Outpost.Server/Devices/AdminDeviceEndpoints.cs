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
        var onlineSince = DeviceStatusRules.OnlineSince(time.GetUtcNow(), options.Value);
        if (DeviceListParameters.Parse(http.Request.Query, onlineSince, defaultLimit: 100, maxLimit: 1000, out var error) is not { } query)
        {
            return Problems.BadRequest(error!.Field, error.Message);
        }

        await buffer.FlushAsync(http.RequestAborted);
        var page = await devices.ListAsync(query, http.RequestAborted);
        return TypedResults.Json(
            new DeviceList { Items = [.. page.Items.Select(d => d.ToView(onlineSince, withSystem: false))], Total = page.Total },
            OutpostJsonContext.Default.DeviceList);
    }
}
