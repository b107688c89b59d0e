namespace Outpost.Agent.Workloads.Spec;

/// <summary>The "workload" object of a release.json (docs/workloads.md). Absent or empty = no process.</summary>
internal sealed record WorkloadSpec
{
    public const double DefaultHealthWindowSeconds = 60;

    public double HealthWindowSeconds { get; set; } = DefaultHealthWindowSeconds;

    public IReadOnlyList<ProcessSpec?> Processes { get; set; } = [];

    public TimeSpan HealthWindow => TimeSpan.FromSeconds(HealthWindowSeconds);
}
