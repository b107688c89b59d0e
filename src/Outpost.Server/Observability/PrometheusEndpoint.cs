using Microsoft.Extensions.Options;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Telemetry;
using Outpost.Server.Admin;

namespace Outpost.Server.Observability;

/// <summary><c>GET /metrics</c> on the admin listener: Prometheus text format 0.0.4.</summary>
internal static class PrometheusEndpoint
{
    public static void MapPrometheus(this IEndpointRouteBuilder admin)
    {
        var options = admin.ServiceProvider.GetRequiredService<IOptions<PrometheusOptions>>().Value;
        var endpoint = admin.MapGet(TelemetryApiRoutes.PrometheusMetrics, async (HttpContext http, ServerMetrics metrics, FleetMetricsCollector collector) =>
        {
            // The collector's store reads run in the registry's before-collect callback; one scrape at a time keeps
            // their rebuild of the per-device series from interleaving.
            await collector.Gate.WaitAsync(http.RequestAborted);
            try
            {
                http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await metrics.Registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
            }
            finally
            {
                collector.Gate.Release();
            }
        });
        if (!options.AllowAnonymous)
        {
            endpoint.RequireRole(AdminRole.Viewer);
        }
    }
}
