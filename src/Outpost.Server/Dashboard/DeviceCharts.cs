using Outpost.Server.Dashboard.Views;
using Outpost.Server.Storage;

namespace Outpost.Server.Dashboard;

/// <summary>
/// The device page's system charts, read from the telemetry store's downsampled history (the same
/// <see cref="ITelemetryStore.GetSeriesAsync"/> as <c>GET /v1/devices/{id}/metrics?name=</c>) under the names the agent's
/// SystemMetricsSampler records. Each series is bounded twice: at most <see cref="MaxWindows"/> windows are read, and they
/// are merged into at most <see cref="MaxPoints"/> time buckets (count-weighted means), so a page stays small whatever the
/// window and the device's sampling rate.
/// </summary>
internal static class DeviceCharts
{
    public const int MaxWindows = 5000;
    public const int MaxPoints = 240;

    private static readonly ChartDefinition[] Definitions =
    [
        new("cpu", "CPU", ChartUnit.Percent, 100, [("system_cpu_usage_ratio", "cpu")]),
        new("memory", "Memory used", ChartUnit.Bytes, 1, [("system_memory_used_bytes", "used")]),
        new("swap", "Swap used", ChartUnit.Bytes, 1, [("system_swap_used_bytes", "used")]),
        new("disk", "Disk used", ChartUnit.Percent, 100, [("system_disk_used_ratio", "disk")]),
        new("temperature", "Temperature", ChartUnit.Celsius, 1, [("system_temperature_celsius", "highest zone")]),
        new("network", "Network", ChartUnit.BytesPerSecond, 1,
            [("system_network_receive_bytes_per_second", "receive"), ("system_network_transmit_bytes_per_second", "transmit")]),
    ];

    public static async Task<IReadOnlyList<ChartSeries>> BuildAsync(
        ITelemetryStore store, string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var charts = new List<ChartSeries>(Definitions.Length);
        foreach (var definition in Definitions)
        {
            var lines = new List<ChartLine>();
            foreach (var (name, label) in definition.Metrics)
            {
                var windows = await store.GetSeriesAsync(deviceId, name, from, to, MaxWindows, cancellationToken);
                // One line per attribute set: a disk per mount; metrics without attributes are one line.
                foreach (var series in windows.GroupBy(w => w.AttributesJson, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    lines.Add(new ChartLine(LineLabel(label, series.Key), Bucket(series, from, to, definition.Scale)));
                }
            }

            charts.Add(new ChartSeries(definition.Metric, definition.Title, definition.Unit, from, to, lines)
            {
                Sources = [.. definition.Metrics.Select(m => m.Name)],
            });
        }

        return charts;
    }

    /// <summary>Count-weighted mean per bucket, as rollups do, so a chart over raw windows and over rollups reads alike.</summary>
    internal static IReadOnlyList<ChartPoint> Bucket(IEnumerable<MetricWindowRecord> windows, DateTimeOffset from, DateTimeOffset to, double scale)
    {
        var width = Math.Max(1, (to - from).Ticks / MaxPoints);
        return [.. windows
            .GroupBy(w => Math.Clamp((w.WindowEnd - from).Ticks / width, 0, MaxPoints - 1))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var count = g.Sum(w => (double)Math.Max(w.Count, 1));
                return new ChartPoint(g.Max(w => w.WindowEnd), g.Sum(w => w.Mean * Math.Max(w.Count, 1)) / count * scale);
            })];
    }

    private static string LineLabel(string label, string attributesJson) =>
        TelemetryAttributes.FromJson(attributesJson) is { Count: > 0 } attributes
            ? string.Join(", ", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Value))
            : label;

    private sealed record ChartDefinition(string Metric, string Title, ChartUnit Unit, double Scale, (string Name, string Label)[] Metrics);
}
