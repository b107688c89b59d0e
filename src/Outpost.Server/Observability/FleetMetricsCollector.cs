using System.Globalization;
using Microsoft.Extensions.Options;
using Outpost.Server.Devices;
using Outpost.Server.Storage;
using Prometheus;

namespace Outpost.Server.Observability;

/// <summary>
/// Fleet and per-device series, computed from the store right before each scrape (docs/prometheus.md). Per-device
/// series cover at most <see cref="PrometheusOptions.MaxDevices"/> devices, so cardinality stays bounded.
/// </summary>
internal sealed class FleetMetricsCollector
{
    // Metrics the agent uploads (wave-2 contract names) → the per-device gauge that exposes their latest mean.
    private static readonly Dictionary<string, string> DeviceMetrics = new(StringComparer.Ordinal)
    {
        ["system_cpu_usage_ratio"] = "outpost_device_cpu_usage_ratio",
        ["system_memory_used_bytes"] = "outpost_device_memory_used_bytes",
        ["system_memory_total_bytes"] = "outpost_device_memory_total_bytes",
        ["system_swap_used_bytes"] = "outpost_device_swap_used_bytes",
        ["system_temperature_celsius"] = "outpost_device_temperature_celsius",
        ["system_uptime_seconds"] = "outpost_device_uptime_seconds",
        ["agent_memory_rss_bytes"] = "outpost_device_agent_memory_rss_bytes",
    };

    private readonly IFleetStore fleet;
    private readonly ITelemetryStore telemetry;
    private readonly CheckInWriteBehind buffer;
    private readonly IOptions<DevicesOptions> devicesOptions;
    private readonly IOptions<PrometheusOptions> options;
    private readonly TimeProvider time;
    private readonly LabelledSeries<Gauge.Child> devices, siteDevices, releaseDevices, omitted, up, lastSeen, diskUsed;
    private readonly LabelledSeries<Counter.Child> droppedRecords, droppedBytes;
    private readonly Dictionary<string, LabelledSeries<Gauge.Child>> metricGauges = new(StringComparer.Ordinal);
    private readonly Action[] beginRound, endRound;

    public FleetMetricsCollector(
        ServerMetrics metrics, IFleetStore fleet, ITelemetryStore telemetry, CheckInWriteBehind buffer,
        IOptions<DevicesOptions> devicesOptions, IOptions<PrometheusOptions> options, TimeProvider time)
    {
        (this.fleet, this.telemetry, this.buffer, this.devicesOptions, this.options, this.time) = (fleet, telemetry, buffer, devicesOptions, options, time);
        var f = metrics.Factory;
        LabelledSeries<Gauge.Child> Gauge(string name, string help, params string[] labels) => new(f.CreateGauge(name, help, labels), (g, v) => g.Set(v));
        LabelledSeries<Counter.Child> Counter(string name, string help, params string[] labels) =>
            new(f.CreateCounter(name, help, labels), (c, v) => c.IncTo(v));
        devices = Gauge("outpost_devices", "Enrolled devices by status (online, offline, revoked).", "status");
        siteDevices = Gauge("outpost_site_devices", "Enrolled devices by site and status.", "site", "status");
        releaseDevices = Gauge("outpost_release_devices", "Devices not revoked by the release they report running (\"none\" before any).", "release");
        omitted = Gauge("outpost_prometheus_omitted_devices", "Devices left out of the per-device series by Outpost:Prometheus:MaxDevices.");
        up = Gauge("outpost_device_online", "1 when the device checked in recently enough to count as online, else 0.", "device", "site");
        lastSeen = Gauge("outpost_device_last_seen_timestamp_seconds", "Unix time of the device's last check-in.", "device", "site");
        diskUsed = Gauge("outpost_device_disk_used_ratio", "Latest used share of a mount (0-1).", "device", "site", "mount");
        droppedRecords = Counter("outpost_device_telemetry_dropped_records_total", "Records the device's outbox dropped (cumulative, as reported).", "device", "site", "stream");
        droppedBytes = Counter("outpost_device_telemetry_dropped_bytes_total", "Bytes the device's outbox dropped (cumulative, as reported).", "device", "site", "stream");
        foreach (var (source, exported) in DeviceMetrics)
        {
            metricGauges[source] = Gauge(exported, $"Latest window mean of {source} uploaded by the device.", "device", "site");
        }

        LabelledSeries<Gauge.Child>[] gauges = [devices, siteDevices, releaseDevices, omitted, up, lastSeen, diskUsed, .. metricGauges.Values];
        beginRound = [.. gauges.Select(g => (Action)g.BeginRound), droppedRecords.BeginRound, droppedBytes.BeginRound];
        endRound = [.. gauges.Select(g => (Action)g.EndRound), droppedRecords.EndRound, droppedBytes.EndRound];
        metrics.Registry.AddBeforeCollectCallback(CollectAsync);
    }

    /// <summary>Held by the endpoint for one scrape.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        await buffer.FlushAsync(cancellationToken);
        var onlineSince = DeviceStatusRules.OnlineSince(time.GetUtcNow(), devicesOptions.Value);
        var counts = await fleet.CountAsync(onlineSince, cancellationToken);
        var cap = options.Value.MaxDevices;
        var active = cap == 0 ? [] : await fleet.ListActiveAsync(cap, cancellationToken);
        var sites = active.ToDictionary(d => d.Id, d => d.Site, StringComparer.Ordinal);
        var latest = await telemetry.GetLatestForMetricsAsync([.. DeviceMetrics.Keys, "system_disk_used_ratio"], cancellationToken);
        var streams = await telemetry.GetAllStreamsAsync(cancellationToken);

        foreach (var begin in beginRound)
        {
            begin();
        }

        var summary = Telemetry.FleetSummaryEndpoint.Summarize(counts);
        devices.Set(summary.Devices.Online, "online");
        devices.Set(summary.Devices.Offline, "offline");
        devices.Set(summary.Devices.Revoked, "revoked");
        foreach (var site in summary.BySite)
        {
            siteDevices.Set(site.Online, site.Key!, "online");
            siteDevices.Set(site.Offline, site.Key!, "offline");
            siteDevices.Set(site.Revoked, site.Key!, "revoked");
        }

        foreach (var release in summary.ByRelease)
        {
            releaseDevices.Set(release.Total - release.Revoked, release.Key ?? "none");
        }

        omitted.Set(Math.Max(0, summary.Devices.Total - summary.Devices.Revoked - active.Count));
        foreach (var device in active)
        {
            up.Set(device.LastSeenAt >= onlineSince ? 1 : 0, device.Id, device.Site);
            if (device.LastSeenAt is { } seen)
            {
                lastSeen.Set(seen.ToUnixTimeMilliseconds() / 1000.0, device.Id, device.Site);
            }
        }

        SetLatest(latest, sites);
        foreach (var stream in streams.Where(s => sites.ContainsKey(s.DeviceId)))
        {
            var label = ServerMetrics.Label(stream.Channel);
            droppedRecords.Set(stream.DroppedRecords, stream.DeviceId, sites[stream.DeviceId], label);
            droppedBytes.Set(stream.DroppedBytes, stream.DeviceId, sites[stream.DeviceId], label);
        }

        foreach (var end in endRound)
        {
            end();
        }
    }

    private void SetLatest(IReadOnlyList<MetricWindowRecord> latest, Dictionary<string, string> sites)
    {
        var mounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var window in latest.Where(w => sites.ContainsKey(w.DeviceId)))
        {
            var site = sites[window.DeviceId];
            if (metricGauges.TryGetValue(window.Name, out var gauge))
            {
                // One series per device: with several attribute sets, the last one (ordered) wins.
                gauge.Set(window.Mean, window.DeviceId, site);
            }
            else if (window.Name == "system_disk_used_ratio"
                && TelemetryAttributes.FromJson(window.AttributesJson)?.GetValueOrDefault("mount") is { } mount
                && (mounts[window.DeviceId] = mounts.GetValueOrDefault(window.DeviceId) + 1) <= options.Value.MaxMountsPerDevice)
            {
                diskUsed.Set(window.Mean, window.DeviceId, site, mount);
            }
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"FleetMetricsCollector(max {options.Value.MaxDevices} devices)");
}
