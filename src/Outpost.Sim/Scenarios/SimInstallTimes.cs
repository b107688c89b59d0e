namespace Outpost.Sim.Scenarios;

/// <summary>Duration of each step of a simulated update; the total is the install time.</summary>
public sealed class SimInstallTimes
{
    /// <summary>Downloading (skipped when the desired release is the kept N-1).</summary>
    public TimeSpan Download { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Verifying (skipped for the kept N-1 as well).</summary>
    public TimeSpan Verify { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Installing.</summary>
    public TimeSpan Installing { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The health window after the switch; a crashing workload rolls back at its end.</summary>
    public TimeSpan HealthCheck { get; set; } = TimeSpan.FromSeconds(3);
}
