using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Telemetry;
using Outpost.Agent.Telemetry.Metrics;

namespace Outpost.Agent.Tests.Telemetry;

public sealed class MetricAggregatorTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void TakeClosed_AfterWindow_GivesCountMinMaxMeanAndNearestRankP95()
    {
        var aggregator = new MetricAggregator(new TelemetryOptions(), _time, new Random(1));
        for (var v = 1; v <= 100; v++)
        {
            aggregator.Record("inference_fps", v);
        }

        Assert.Empty(aggregator.TakeClosed());
        _time.Advance(TimeSpan.FromSeconds(60));

        var record = Assert.Single(aggregator.TakeClosed());
        Assert.Equal("inference_fps", record.Name);
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:01:00Z", System.Globalization.CultureInfo.InvariantCulture), record.At);
        Assert.Equal(100, record.Value!.Count);
        Assert.Equal(1, record.Value.Min);
        Assert.Equal(100, record.Value.Max);
        Assert.Equal(50.5, record.Value.Mean);
        Assert.Equal(95, record.Value.P95);
        Assert.Equal(60, record.Value.WindowSeconds);
    }

    [Fact]
    public void Record_SampleInNextWindow_ClosesThePreviousOne()
    {
        var aggregator = new MetricAggregator(new TelemetryOptions(), _time, new Random(1));
        aggregator.Record("m", 10);
        _time.Advance(TimeSpan.FromSeconds(61));
        aggregator.Record("m", 20);

        var closed = aggregator.TakeClosed();

        Assert.Equal(10, Assert.Single(closed).Value!.Mean);
    }

    [Fact]
    public void Record_PerMetricWindowAndAttributes_AreSeparateSeries()
    {
        var options = new TelemetryOptions();
        options.AggregationWindows["fast"] = TimeSpan.FromSeconds(10);
        options.AggregationWindows["raw"] = TimeSpan.Zero;
        var aggregator = new MetricAggregator(options, _time, new Random(1));
        aggregator.Record("fast", 1);
        aggregator.Record("slow", 1, new Dictionary<string, string> { ["mount"] = "/" });
        aggregator.Record("slow", 3, new Dictionary<string, string> { ["mount"] = "/data" });
        aggregator.Record("raw", 7);

        var immediately = aggregator.TakeClosed();
        Assert.Equal(7, Assert.Single(immediately).Value!.Max);
        Assert.Equal(1, immediately[0].Value!.Count);

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("fast", Assert.Single(aggregator.TakeClosed()).Name);

        _time.Advance(TimeSpan.FromSeconds(50));
        var slow = aggregator.TakeClosed();
        Assert.Equal(["/", "/data"], slow.Select(r => r.Attributes!["mount"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Record_PastMaxSeries_IsRefused()
    {
        var aggregator = new MetricAggregator(new TelemetryOptions { MaxSeries = 2 }, _time, new Random(1));

        Assert.True(aggregator.Record("a", 1));
        Assert.True(aggregator.Record("b", 1));
        Assert.False(aggregator.Record("c", 1));
        Assert.True(aggregator.Record("a", 2));
    }

    [Fact]
    public void Record_ManySamples_KeepsExactCountMinMaxAndAP95FromTheReservoir()
    {
        var aggregator = new MetricAggregator(new TelemetryOptions(), _time, new Random(7));
        for (var i = 0; i < 100_000; i++)
        {
            aggregator.Record("latency", i % 1000);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        var value = Assert.Single(aggregator.TakeClosed()).Value!;

        Assert.Equal(100_000, value.Count);
        Assert.Equal(0, value.Min);
        Assert.Equal(999, value.Max);
        Assert.InRange(value.P95!.Value, 900, 990);
    }
}
