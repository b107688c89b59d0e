using System.Text;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Metrics;

/// <summary>
/// Aggregates raw samples per series over windows aligned to multiples of the metric's window (so every series of a
/// device closes its windows at the same instants), into count/min/max/mean/p95 records for the Metrics channel.
/// A window of zero passes every sample through as Count 1. The number of live series is bounded (MaxSeries).
/// </summary>
internal sealed class MetricAggregator(TelemetryOptions options, TimeProvider time, Random random)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, MetricSeries> _series = new(StringComparer.Ordinal);
    private readonly List<OutboxEntry> _closed = [];

    /// <summary>Adds a sample; false when it would open a series past the MaxSeries bound.</summary>
    public bool Record(string name, double value, IReadOnlyDictionary<string, string>? attributes = null)
    {
        var now = time.GetUtcNow();
        var window = options.AggregationWindows.TryGetValue(name, out var own) ? own : options.AggregationWindow;
        lock (_gate)
        {
            if (window <= TimeSpan.Zero)
            {
                _closed.Add(new OutboxEntry(now, name, Value: new MetricAggregate { Count = 1, Min = value, Max = value, Mean = value }, Attributes: attributes));
                return true;
            }

            var key = Key(name, attributes);
            if (!_series.TryGetValue(key, out var series))
            {
                if (_series.Count >= options.MaxSeries)
                {
                    return false;
                }

                series = new MetricSeries(name, attributes, window);
                series.Start(WindowStart(now, window));
                _series.Add(key, series);
            }
            else if (now >= series.WindowStart + series.Window)
            {
                Close(series);
                series.Start(WindowStart(now, window));
            }

            series.Add(value, random);
            return true;
        }
    }

    /// <summary>Records of every window that has ended (and every pass-through sample) since the last call.</summary>
    public List<OutboxEntry> TakeClosed(bool all = false)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            List<string>? idle = null;
            foreach (var (key, series) in _series)
            {
                if (all || now >= series.WindowStart + series.Window)
                {
                    Close(series);
                    (idle ??= []).Add(key);
                }
            }

            // A series is forgotten once its window closed; it comes back with its next sample.
            idle?.ForEach(key => _series.Remove(key));
            var result = new List<OutboxEntry>(_closed);
            _closed.Clear();
            return result;
        }
    }

    private void Close(MetricSeries series)
    {
        if (series.Count > 0)
        {
            var end = series.WindowStart + series.Window;
            _closed.Add(new OutboxEntry(end, series.Name, Attributes: series.Attributes, Value: new MetricAggregate
            {
                Count = series.Count,
                Min = series.Min,
                Max = series.Max,
                Mean = series.Sum / series.Count,
                P95 = series.P95(),
                WindowSeconds = series.Window.TotalSeconds,
            }));
        }

        series.Reset();
    }

    private static DateTimeOffset WindowStart(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - (now.UtcTicks % window.Ticks), TimeSpan.Zero);

    private static string Key(string name, IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return name;
        }

        var builder = new StringBuilder(name);
        foreach (var (k, v) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            builder.Append('\u001f').Append(k).Append('=').Append(v);
        }

        return builder.ToString();
    }
}
