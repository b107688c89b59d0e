namespace Outpost.Sim.Scenarios;

/// <summary>While the device runs <see cref="Release"/>, <see cref="Metric"/> is its healthy value × (1 + <see cref="Change"/>).</summary>
public sealed class SimMetricRegression
{
    /// <summary>Release (<c>NAME@VERSION</c>) that regresses.</summary>
    public string Release { get; set; } = "";

    /// <summary>Metric name, e.g. <c>inference_fps</c>; must be one of the scenario's metrics.</summary>
    public string Metric { get; set; } = "";

    /// <summary>Relative change, e.g. −0.3 for 30 % lower.</summary>
    public double Change { get; set; }
}
