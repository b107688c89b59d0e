using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Telemetry;
using Outpost.Agent.Telemetry.Metrics;
using Outpost.Agent.Workloads;

namespace Outpost.Agent.Tests.Telemetry;

public sealed class SystemMetricsSamplerTests
{
    [Fact]
    public void Sample_WithWorkloads_RecordsRestartsPerProcess()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var aggregator = new MetricAggregator(new TelemetryOptions(), time, new Random(1));
        IReadOnlyList<ProcessStatus> processes =
        [
            new("infer", ProcessState.Running, 41, 3, true, true, null, null),
            new("uploader", ProcessState.Running, 42, 0, true, true, null, null),
        ];
        var sampler = new SystemMetricsSampler("/", aggregator, time, _ => null, () => processes);

        sampler.Sample();
        time.Advance(TimeSpan.FromSeconds(60));

        var restarts = aggregator.TakeClosed().Where(r => r.Name == "workload_restarts_total")
            .ToDictionary(r => r.Attributes!["process"], r => r.Value!.Max);
        Assert.Equal(new Dictionary<string, double> { ["infer"] = 3, ["uploader"] = 0 }, restarts);
    }
}
