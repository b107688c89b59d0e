namespace Outpost.Server.Alerts;

internal sealed class InferenceRateLowRuleOptions : AlertRuleOptions
{
    public InferenceRateLowRuleOptions() => For = TimeSpan.FromMinutes(5);

    /// <summary>The workload metric compared (frames per second).</summary>
    public string Metric { get; set; } = "inference_fps";

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Minimum for releases not listed in <see cref="Minimums"/>; null checks only the listed releases.</summary>
    public double? DefaultMinimum { get; set; } = 1;

    /// <summary>Minimum per release: key <c>NAME@VERSION</c> (exact) or <c>NAME</c> (every version).</summary>
    public Dictionary<string, double> Minimums { get; set; } = new(StringComparer.Ordinal);
}
