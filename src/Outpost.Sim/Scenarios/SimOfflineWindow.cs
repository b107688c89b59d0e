namespace Outpost.Sim.Scenarios;

/// <summary>From <see cref="At"/> (after the simulation started) for <see cref="For"/>, the sites' devices are off the network.</summary>
public sealed class SimOfflineWindow
{
    /// <summary>Affected sites; empty = the whole fleet.</summary>
    public List<string> Sites { get; set; } = [];

    /// <summary>Start, measured from the start of the simulation.</summary>
    public TimeSpan At { get; set; }

    /// <summary>Length of the window.</summary>
    public TimeSpan For { get; set; }

    /// <summary>Partition (agents run, requests fail) or power-off (agents stopped, restarted at the end).</summary>
    public SimOfflineMode Mode { get; set; } = SimOfflineMode.Partition;

    internal bool Covers(TimeSpan elapsed) => elapsed >= At && elapsed < At + For;
}
