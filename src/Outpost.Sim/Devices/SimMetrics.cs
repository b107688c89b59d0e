using Outpost.Agent.Sync;
using Outpost.Protocol.Telemetry;
using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Devices;

/// <summary>
/// The device's workload metrics, one aggregate per scenario metric per <see cref="SimScenario.MetricsInterval"/>,
/// uploaded as a Metrics-channel <see cref="TelemetryBatch"/> right after a successful check-in when due. Only while a
/// release runs (workload metrics come from the workload). The value is the healthy one, changed by a regression on
/// the current release, with ±1 % of per-device spread.
/// </summary>
internal sealed class SimMetrics(SimDevice device, SimScenario scenario, double spread)
{
    private long _sequence;
    private DateTimeOffset _nextUploadAt;

    public async Task UploadIfDueAsync(HttpDeviceTransport transport, CancellationToken cancellationToken)
    {
        var now = device.Time.GetUtcNow();
        var current = device.Engine.Current;
        if (scenario.Metrics.Count == 0 || current is null || now < _nextUploadAt)
        {
            return;
        }

        _nextUploadAt = now + scenario.MetricsInterval;
        var window = scenario.MetricsInterval.TotalSeconds;
        var records = new List<TelemetryRecord>(scenario.Metrics.Count);
        foreach (var (name, healthy) in scenario.Metrics)
        {
            var value = healthy * (1 + spread) * (1 + Change(name, current));
            records.Add(new TelemetryRecord
            {
                Sequence = ++_sequence,
                At = now,
                Name = name,
                Value = new MetricAggregate { Count = (long)Math.Max(1, window), Min = value * 0.98, Max = value * 1.02, Mean = value, WindowSeconds = window },
            });
        }

        var result = await transport.UploadTelemetryAsync(
            new TelemetryBatch { Stream = TelemetryChannel.Metrics, Records = records }, cancellationToken);
        device.Stats.RecordTelemetry(result.Status, result.Detail);
    }

    private double Change(string metric, string release)
    {
        foreach (var regression in device.Profile.Regressions)
        {
            if (regression.Metric == metric && regression.Release == release)
            {
                return regression.Change;
            }
        }

        return 0;
    }
}
