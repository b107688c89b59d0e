namespace Outpost.Agent.Workloads;

internal enum ProcessState
{
    Starting,
    Running,

    /// <summary>Exited; waiting out the restart backoff.</summary>
    BackingOff,

    /// <summary>Exited 0 under on-failure: done, not restarted, not a failure.</summary>
    Completed,

    /// <summary>Exited or crash-looping for good: the release failed.</summary>
    Failed,
    Stopped,
}
