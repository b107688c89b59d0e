namespace Outpost.Agent.Workloads.Spec;

/// <summary>When an exited process is started again, and how long the agent waits first (doubling, capped).</summary>
internal sealed record RestartSpec
{
    public string Policy { get; set; } = "always";

    public double InitialBackoffSeconds { get; set; } = 1;

    public double MaxBackoffSeconds { get; set; } = 30;

    /// <summary>The parsed <see cref="Policy"/>; valid once the spec passed <see cref="WorkloadSpecValidator"/>.</summary>
    public RestartPolicy ParsedPolicy => RestartPolicies.TryParse(Policy) ?? RestartPolicy.Always;
}
