namespace Outpost.Sim.Scenarios;

/// <summary>How a site is offline.</summary>
public enum SimOfflineMode
{
    /// <summary>
    /// A network partition: the agents keep running, every request fails without reaching the server (no traffic),
    /// their connections are dropped, and they back off as the agent does; they return on their own schedule.
    /// </summary>
    Partition,

    /// <summary>
    /// A power cut: the agents stop; at the end of the window they all start again at the same instant and check in at
    /// once, as a real agent does on boot (the thundering herd).
    /// </summary>
    PowerOff,
}
