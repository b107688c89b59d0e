namespace Outpost.Sim.Scenarios;

/// <summary>
/// A behaviour and the devices it applies to: those of <see cref="Sites"/> (all sites when empty), of which a
/// deterministic, evenly spread <see cref="Fraction"/>. Set one or more of the behaviour properties.
/// </summary>
public sealed class SimBehaviour
{
    /// <summary>Sites whose devices this rule may select; empty = every site.</summary>
    public List<string> Sites { get; set; } = [];

    /// <summary>Share of the matching devices selected, 0..1 (default all).</summary>
    public double Fraction { get; set; } = 1;

    /// <summary>The workload crash-loops on this release (<c>NAME@VERSION</c>): the update rolls back with cause CrashLoop.</summary>
    public string? CrashOn { get; set; }

    /// <summary>A workload metric changes on a release (e.g. inference_fps −30%).</summary>
    public SimMetricRegression? MetricRegression { get; set; }

    /// <summary>Added latency on every request of the device (a slow link).</summary>
    public TimeSpan? Latency { get; set; }
}
