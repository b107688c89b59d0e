using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;
using Outpost.Agent.Telemetry.Metrics;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.LocalApi;

/// <summary>
/// Routes of the local API (docs/telemetry-agent.md): POST /v1/events, /v1/metrics, /v1/logs take one JSON object or
/// an array of them; GET /v1/release describes the current release. A request is validated as a whole before
/// anything is stored, so a 4xx means nothing of it was kept.
/// </summary>
internal sealed class LocalApiHandler(
    TelemetryOutbox outbox, MetricAggregator metrics, LogLimiter logs, ReleaseReader release, LocalApiOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly TokenBucket _events = new(options.EventsPerSecond, options.EventsBurst, time);
    private readonly TokenBucket _samples = new(options.MetricSamplesPerSecond, options.MetricSamplesBurst, time);

    public Task<LocalHttpResponse> HandleAsync(LocalHttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (allowed, handle) = request.Path switch
        {
            "/v1/events" => ("POST", (Func<LocalHttpRequest, LocalHttpResponse>)Events),
            "/v1/metrics" => ("POST", Metrics),
            "/v1/logs" => ("POST", Logs),
            "/v1/release" => ("GET", _ => release.Read()),
            _ => (null, null),
        };
        if (allowed is null || handle is null)
        {
            return Task.FromResult(LocalHttpResponse.Problem(404, "Not Found", $"no route {request.Path}; see docs/telemetry-agent.md"));
        }

        if (request.Method != allowed && !(allowed == "GET" && request.Method == "HEAD"))
        {
            return Task.FromResult(LocalHttpResponse.Problem(405, "Method Not Allowed", $"{request.Path} takes {allowed}") with { Allow = allowed });
        }

        try
        {
            return Task.FromResult(handle(request));
        }
        catch (SqliteException ex)
        {
            return Task.FromResult(LocalHttpResponse.Problem(503, "Outbox Unavailable", ex.Message));
        }
    }

    private LocalHttpResponse Events(LocalHttpRequest request)
    {
        if (!TryParse(request.Body, LocalApiJsonContext.Default.WorkloadEvent, LocalApiJsonContext.Default.ListWorkloadEvent, out var items, out var isArray, out var error))
        {
            return error;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var e = items[i];
            var at = isArray ? $"[{i}]." : "";
            if ((TelemetryValidation.Name(e.Name, at + "name", metric: false) ?? TelemetryValidation.Level(e.Level, at + "level")
                ?? TelemetryValidation.Message(e.Message, at + "message") ?? TelemetryValidation.Attributes(e.Attributes, at + "attributes")) is { } bad)
            {
                return Invalid(bad);
            }
        }

        lock (_gate)
        {
            if (!_events.TryTake(items.Count))
            {
                return TooMany($"more than {options.EventsPerSecond} events per second", _events.SecondsUntil(items.Count));
            }
        }

        var now = time.GetUtcNow();
        outbox.Append(TelemetryChannel.Events, items.ConvertAll(e =>
            new OutboxEntry(e.At ?? now, e.Name!, e.Level?.ToLowerInvariant() ?? "info", e.Message, Attributes: e.Attributes)));
        return Accepted(items.Count, 0);
    }

    private LocalHttpResponse Metrics(LocalHttpRequest request)
    {
        if (!TryParse(request.Body, LocalApiJsonContext.Default.WorkloadMetric, LocalApiJsonContext.Default.ListWorkloadMetric, out var items, out var isArray, out var error))
        {
            return error;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var m = items[i];
            var at = isArray ? $"[{i}]." : "";
            if ((TelemetryValidation.Name(m.Name, at + "name", metric: true) ?? TelemetryValidation.Attributes(m.Attributes, at + "attributes")) is { } bad)
            {
                return Invalid(bad);
            }

            if (m.Value is not { } value || !double.IsFinite(value))
            {
                return Invalid((at + "value", "must be a finite number"));
            }
        }

        lock (_gate)
        {
            if (!_samples.TryTake(items.Count))
            {
                return TooMany($"more than {options.MetricSamplesPerSecond} metric samples per second", _samples.SecondsUntil(items.Count));
            }
        }

        var refused = items.Count(m => !metrics.Record(m.Name!, m.Value!.Value, m.Attributes));
        return Accepted(items.Count - refused, refused);
    }

    private LocalHttpResponse Logs(LocalHttpRequest request)
    {
        if (!TryParse(request.Body, LocalApiJsonContext.Default.WorkloadLog, LocalApiJsonContext.Default.ListWorkloadLog, out var items, out var isArray, out var error))
        {
            return error;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var l = items[i];
            var at = isArray ? $"[{i}]." : "";
            var missing = l.Message is null ? (at + "message", "is required") : ((string, string)?)null;
            if ((missing ?? TelemetryValidation.Level(l.Level, at + "level") ?? TelemetryValidation.Message(l.Message, at + "message")
                ?? (l.Source is null ? null : TelemetryValidation.Name(l.Source, at + "source", metric: false))
                ?? TelemetryValidation.Attributes(l.Attributes, at + "attributes")) is { } bad)
            {
                return Invalid(bad);
            }
        }

        var now = time.GetUtcNow();
        var admitted = items
            .Select(l => (Log: l, Level: l.Level?.ToLowerInvariant() ?? "info"))
            .Where(l => logs.Admit(l.Level))
            .Select(l => new OutboxEntry(l.Log.At ?? now, l.Log.Source ?? "workload", l.Level, l.Log.Message, Attributes: l.Log.Attributes))
            .ToList();
        outbox.Append(TelemetryChannel.Logs, admitted);
        return Accepted(admitted.Count, items.Count - admitted.Count);
    }

    private static bool TryParse<T>(
        ReadOnlyMemory<byte> body, JsonTypeInfo<T> one, JsonTypeInfo<List<T>> many, out List<T> items, out bool isArray, out LocalHttpResponse error)
        where T : class
    {
        items = [];
        error = null!;
        isArray = false;
        try
        {
            var span = body.Span.TrimStart(" \t\r\n"u8);
            isArray = span.Length > 0 && span[0] == (byte)'[';
            var parsed = isArray ? JsonSerializer.Deserialize(span, many) : [JsonSerializer.Deserialize(span, one)!];
            if (parsed is null || parsed.Count == 0 || parsed.Any(p => p is null))
            {
                error = LocalHttpResponse.Problem(400, "Bad Request", "the body must be a JSON object or a non-empty array of objects", "$");
                return false;
            }

            items = parsed;
            return true;
        }
        catch (JsonException ex)
        {
            error = LocalHttpResponse.Problem(400, "Bad Request", $"the body is not valid JSON for this route: {ex.Message}", ex.Path ?? "$");
            return false;
        }
    }

    private static LocalHttpResponse Invalid((string Field, string Reason) bad) =>
        LocalHttpResponse.Problem(400, "Bad Request", $"{bad.Field} {bad.Reason}", bad.Field);

    private static LocalHttpResponse TooMany(string detail, int retryAfter) =>
        LocalHttpResponse.Problem(429, "Too Many Requests", $"{detail}; nothing was stored, retry later") with { RetryAfterSeconds = retryAfter };

    private static LocalHttpResponse Accepted(int accepted, int suppressed) =>
        LocalHttpResponse.Json(202, new AcceptedResponse(accepted, suppressed), LocalApiJsonContext.Default.AcceptedResponse);
}
