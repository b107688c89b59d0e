using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Outpost.Protocol;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Admin;
using Outpost.Server.Http;
using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

/// <summary>Per-device telemetry on the admin API (viewer role): metrics, events, logs, stream state.</summary>
internal static partial class TelemetryAdminEndpoints
{
    private static readonly TimeSpan DefaultRange = TimeSpan.FromHours(1);

    public static void MapTelemetryAdminRoutes(this IEndpointRouteBuilder admin)
    {
        admin.MapGet(AdminApiRoutes.Devices + "/{id}/metrics", MetricsAsync).RequireRole(AdminRole.Viewer)
            .Produces<MetricSeriesView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet(AdminApiRoutes.Devices + "/{id}/events", (string id, HttpContext http, IDeviceStore devices, ITelemetryStore store) =>
                EntriesAsync(id, TelemetryChannel.Events, http, devices, store))
            .RequireRole(AdminRole.Viewer).Produces<TelemetryEntryList>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet(AdminApiRoutes.Devices + "/{id}/logs", (string id, HttpContext http, IDeviceStore devices, ITelemetryStore store) =>
                EntriesAsync(id, TelemetryChannel.Logs, http, devices, store))
            .RequireRole(AdminRole.Viewer).Produces<TelemetryEntryList>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet(AdminApiRoutes.Devices + "/{id}/telemetry", StreamsAsync).RequireRole(AdminRole.Viewer)
            .Produces<TelemetryStreamList>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> MetricsAsync(
        string id, HttpContext http, IDeviceStore devices, ITelemetryStore store, TimeProvider time)
    {
        var query = http.Request.Query;
        var name = query["name"].ToString();
        if (name.Length > 0 && (name.Length > TelemetryLimits.MaxNameLength || !Identifier().IsMatch(name)))
        {
            return Problems.BadRequest("name", "name must be a metric name (^[a-zA-Z_][a-zA-Z0-9_]*$, at most 128 characters).");
        }

        if (!TryTime(query["to"], time.GetUtcNow(), out var to))
        {
            return Problems.BadRequest("to", "to must be an ISO 8601 time with offset, e.g. 2026-11-29T12:00:00Z.");
        }

        if (!TryTime(query["from"], to - DefaultRange, out var from) || from > to)
        {
            return Problems.BadRequest("from", "from must be an ISO 8601 time with offset, not after to.");
        }

        if (!TryInt(query["limit"], 1000, 1, 10_000, out var limit))
        {
            return Problems.BadRequest("limit", "limit must be an integer between 1 and 10000.");
        }

        if (await devices.GetCredentialAsync(id, http.RequestAborted) is null)
        {
            return Problems.NotFound($"No device with id '{id}'.");
        }

        var rows = name.Length == 0
            ? await store.GetLatestAsync(id, http.RequestAborted)
            : await store.GetSeriesAsync(id, name, from, to, limit, http.RequestAborted);
        return TypedResults.Json(
            new MetricSeriesView
            {
                DeviceId = id, Name = name.Length == 0 ? null : name, From = name.Length == 0 ? null : from, To = name.Length == 0 ? null : to,
                Points = [.. rows.Select(ToPoint)],
            },
            OutpostJsonContext.Default.MetricSeriesView);
    }

    private static async Task<IResult> EntriesAsync(string id, TelemetryChannel channel, HttpContext http, IDeviceStore devices, ITelemetryStore store)
    {
        if (!TryInt(http.Request.Query["limit"], 100, 1, 1000, out var limit))
        {
            return Problems.BadRequest("limit", "limit must be an integer between 1 and 1000.");
        }

        if (await devices.GetCredentialAsync(id, http.RequestAborted) is null)
        {
            return Problems.NotFound($"No device with id '{id}'.");
        }

        var rows = await store.GetEntriesAsync(id, channel, limit, http.RequestAborted);
        return TypedResults.Json(
            new TelemetryEntryList
            {
                DeviceId = id, Stream = channel,
                Items = [.. rows.Select(ToView)],
            },
            OutpostJsonContext.Default.TelemetryEntryList);
    }

    private static async Task<IResult> StreamsAsync(string id, HttpContext http, IDeviceStore devices, ITelemetryStore store)
    {
        if (await devices.GetCredentialAsync(id, http.RequestAborted) is null)
        {
            return Problems.NotFound($"No device with id '{id}'.");
        }

        var streams = await store.GetStreamsAsync(id, http.RequestAborted);
        return TypedResults.Json(
            new TelemetryStreamList
            {
                DeviceId = id,
                Items = [.. streams.OrderBy(s => s.Channel).Select(s => new TelemetryStreamView
                {
                    Stream = s.Channel, StoredThrough = s.StoredThrough,
                    Drops = new StreamDrops { Records = s.DroppedRecords, Bytes = s.DroppedBytes },
                    RecordsStored = s.RecordsStored, Duplicates = s.Duplicates, UpdatedAt = s.UpdatedAt,
                })],
            },
            OutpostJsonContext.Default.TelemetryStreamList);
    }

    /// <summary>A stored event or log line as the API and the dashboard show it.</summary>
    public static TelemetryEntryView ToView(TelemetryEntryRecord r) => new()
    {
        Sequence = r.Sequence, At = r.At, ReceivedAt = r.ReceivedAt, Name = r.Name, Level = r.Level, Message = r.Message,
        Attributes = TelemetryAttributes.FromJson(r.AttributesJson),
    };

    private static MetricPoint ToPoint(MetricWindowRecord r) => new()
    {
        Name = r.Name, At = r.WindowEnd, Attributes = TelemetryAttributes.FromJson(r.AttributesJson), ResolutionSeconds = r.ResolutionSeconds,
        Count = r.Count, Min = r.Min, Max = r.Max, Mean = r.Mean, P95 = r.P95,
    };

    private static bool TryTime(StringValues value, DateTimeOffset fallback, out DateTimeOffset result)
    {
        if (value.Count == 0 || string.IsNullOrEmpty(value[0]))
        {
            result = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(value[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out result);
    }

    private static bool TryInt(StringValues value, int fallback, int min, int max, out int result)
    {
        if (value.Count == 0 || string.IsNullOrEmpty(value[0]))
        {
            result = fallback;
            return true;
        }

        return int.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
    }

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
