using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Alerts;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Alerts;
using Outpost.Server.Dashboard.Pages;
using Outpost.Server.Dashboard.Views;
using Outpost.Server.Devices;
using Outpost.Server.Rollouts;
using Outpost.Server.Storage;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Dashboard;

/// <summary>The device table (server-side filters and paging) and one device's page (facts, releases, charts, events, logs).</summary>
internal static class DashboardDevicesEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private const int EntriesShown = 50;
    private const int RolloutsShown = 20;

    public static void MapDashboardDevices(this IEndpointRouteBuilder dashboard)
    {
        dashboard.MapGet(DashboardRoutes.Devices, ListAsync).RequireDashboard(AdminRole.Viewer);
        dashboard.MapGet(DashboardRoutes.Devices + "/{id}", DetailAsync).RequireDashboard(AdminRole.Viewer);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, IDeviceStore devices, CheckInWriteBehind buffer, IOptions<DevicesOptions> options,
        IOptions<DashboardOptions> dashboard, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var query = http.Request.Query;
        var parsed = DeviceListParameters.Parse(query, DeviceStatusRules.OnlineSince(now, options.Value), DefaultLimit, MaxLimit, out var error);
        // The form echoes what was sent (encoded by Razor), also when it was refused.
        var filter = new DeviceListFilter
        {
            Q = Echo(query["q"]), Site = Echo(query["site"]), Tag = Echo(query["tag"]), Status = Echo(query["status"]),
            Release = Echo(query["release"]), Limit = parsed?.Limit ?? DefaultLimit, Offset = parsed?.Offset ?? 0,
        };
        var refresh = (int)dashboard.Value.LiveRefreshInterval.TotalMilliseconds;
        if (parsed is null)
        {
            return new RazorComponentResult<DevicesPage>(new
            {
                Caller = http.DashboardCaller(), Now = now, Filter = filter, Error = $"Cannot list devices: {error!.Message}", RefreshMs = refresh,
            }) { StatusCode = StatusCodes.Status400BadRequest };
        }

        await buffer.FlushAsync(http.RequestAborted);
        var page = await devices.ListAsync(parsed, http.RequestAborted);
        return new RazorComponentResult<DevicesPage>(new
        {
            Caller = http.DashboardCaller(),
            Now = now,
            Filter = filter,
            Devices = (IReadOnlyList<DeviceView>)[.. page.Items.Select(d => d.ToView(parsed.OnlineSince, withSystem: true))],
            Total = page.Total,
            RefreshMs = refresh,
        });
    }

    private static async Task<IResult> DetailAsync(
        string id, HttpContext http, IDeviceStore devices, ITelemetryStore telemetry, IAlertStore alerts, DeviceRolloutHistoryReader rollouts,
        CheckInWriteBehind buffer, IOptions<DevicesOptions> options, IOptions<DashboardOptions> dashboard, TimeProvider time)
    {
        var cancel = http.RequestAborted;
        var caller = http.DashboardCaller();
        var windowKey = http.Request.Query["window"].ToString() is { Length: > 0 } w ? w : DeviceDetailWindows.Default;
        if (DeviceDetailWindows.Find(windowKey) is not { } window)
        {
            return Message(caller, "Bad chart window",
                $"window must be one of {string.Join(", ", DeviceDetailWindows.All.Select(w => w.Key))}.", StatusCodes.Status400BadRequest);
        }

        await buffer.FlushAsync(cancel);
        var device = id.Length <= DeviceListParameters.MaxFilterLength ? await devices.GetAsync(id, cancel) : null;
        if (device is null)
        {
            return Message(caller, "Device not found", $"No device with id '{id}'.", StatusCodes.Status404NotFound);
        }

        var now = time.GetUtcNow();
        var events = (await telemetry.GetEntriesAsync(id, TelemetryChannel.Events, EntriesShown, cancel)).Select(TelemetryAdminEndpoints.ToView).ToList();
        var logs = await telemetry.GetEntriesAsync(id, TelemetryChannel.Logs, EntriesShown, cancel);
        var firing = await alerts.ListAsync(new AlertQuery { State = AlertState.Firing, DeviceId = id, Limit = 50 }, cancel);
        var history = await rollouts.ListAsync(id, RolloutsShown, cancel);
        return new RazorComponentResult<DeviceDetailPage>(new
        {
            Caller = caller,
            Now = now,
            Device = device.ToView(DeviceStatusRules.OnlineSince(now, options.Value), withSystem: true),
            Window = windowKey,
            Charts = await DeviceCharts.BuildAsync(telemetry, id, now - window, now, cancel),
            Events = (IReadOnlyList<TelemetryEntryView>)events,
            Logs = (IReadOnlyList<TelemetryEntryView>)[.. logs.Select(TelemetryAdminEndpoints.ToView)],
            UpdateEvents = (IReadOnlyList<TelemetryEntryView>)[.. events.Where(e => e.Name.StartsWith("update.", StringComparison.Ordinal))],
            Alerts = (IReadOnlyList<AlertView>)[.. firing.Select(a => a.ToView())],
            Rollouts = (IReadOnlyList<DeviceRolloutView>)[.. history.Select(r => new DeviceRolloutView(
                r.RolloutId, r.Release, r.RolloutState, r.DeviceState, r.PreviousRelease, r.AssignedAt, r.FinishedAt, r.Cause))],
            RefreshMs = (int)dashboard.Value.LiveRefreshInterval.TotalMilliseconds,
        });
    }

    private static RazorComponentResult<NoticePage> Message(DashboardCaller caller, string title, string message, int status) =>
        DashboardNotice.Result(caller, status, title, "devices", message, DashboardRoutes.Devices, "All devices");

    private static string? Echo(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString() is { Length: > 0 } text ? text[..Math.Min(text.Length, DeviceListParameters.MaxFilterLength)] : null;
}
