namespace Outpost.Protocol.Telemetry;

/// <summary>Telemetry paths of the admin API (bearer-token listener). Shared by the server and the CLI.</summary>
public static class TelemetryApiRoutes
{
    /// <summary>Fleet counts: online/offline/revoked, by site and by current release.</summary>
    public const string FleetSummary = "/v1/fleet/summary";

    /// <summary>Prometheus exposition (text format) on the admin listener.</summary>
    public const string PrometheusMetrics = "/metrics";

    /// <summary><c>?name=N&amp;from=&amp;to=&amp;limit=</c>: the series of metric N; without name: the latest value of every metric.</summary>
    public static string Metrics(string deviceId) => $"/v1/devices/{Uri.EscapeDataString(deviceId)}/metrics";

    /// <summary><c>?limit=</c>: newest events first.</summary>
    public static string Events(string deviceId) => $"/v1/devices/{Uri.EscapeDataString(deviceId)}/events";

    /// <summary><c>?limit=</c>: newest log lines first.</summary>
    public static string Logs(string deviceId) => $"/v1/devices/{Uri.EscapeDataString(deviceId)}/logs";

    /// <summary>Per stream: stored-through sequence, drops reported by the device, records and duplicates counted.</summary>
    public static string Streams(string deviceId) => $"/v1/devices/{Uri.EscapeDataString(deviceId)}/telemetry";
}
