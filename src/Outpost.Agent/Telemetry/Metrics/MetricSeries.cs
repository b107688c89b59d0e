namespace Outpost.Agent.Telemetry.Metrics;

/// <summary>
/// One metric series (name + attributes) in its current window: exact count/min/max/sum, and a bounded reservoir of
/// samples (Algorithm R) for the p95, so a workload posting thousands of samples per window costs fixed memory.
/// </summary>
internal sealed class MetricSeries(string name, IReadOnlyDictionary<string, string>? attributes, TimeSpan window)
{
    public const int ReservoirSize = 1024;

    private readonly List<double> _reservoir = [];

    public string Name { get; } = name;

    public IReadOnlyDictionary<string, string>? Attributes { get; } = attributes;

    public TimeSpan Window { get; } = window;

    public DateTimeOffset WindowStart { get; private set; }

    public long Count { get; private set; }

    public double Min { get; private set; }

    public double Max { get; private set; }

    public double Sum { get; private set; }

    public void Start(DateTimeOffset windowStart) => WindowStart = windowStart;

    public void Add(double value, Random random)
    {
        Min = Count == 0 ? value : Math.Min(Min, value);
        Max = Count == 0 ? value : Math.Max(Max, value);
        Sum += value;
        Count++;
        if (_reservoir.Count < ReservoirSize)
        {
            _reservoir.Add(value);
        }
        else if (random.NextInt64(Count) is var slot && slot < ReservoirSize)
        {
            _reservoir[(int)slot] = value;
        }
    }

    /// <summary>Nearest-rank 95th percentile of the (sampled) window.</summary>
    public double P95()
    {
        _reservoir.Sort();
        var rank = (int)Math.Ceiling(0.95 * _reservoir.Count);
        return _reservoir[Math.Max(0, rank - 1)];
    }

    public void Reset()
    {
        _reservoir.Clear();
        Count = 0;
        Sum = 0;
        Min = 0;
        Max = 0;
    }
}
