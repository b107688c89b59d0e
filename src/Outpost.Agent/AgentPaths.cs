namespace Outpost.Agent;

/// <summary>
/// The agent's data folder layout, in one place: identity files, TUF state, release staging and installs, the update
/// journal, self-update binaries, the telemetry outbox and the workloads' local API socket (docs/agent.md).
/// </summary>
internal sealed class AgentPaths(string dataDirectory)
{
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Verified releases waiting to be installed, <c>staging/NAME@VERSION/</c>.</summary>
    public string Staging => Path.Combine(DataDirectory, "staging");

    /// <summary>Installed releases, one immutable folder each: <c>releases/NAME@VERSION/</c>.</summary>
    public string Releases => Path.Combine(DataDirectory, "releases");

    public string Release(string releaseId) => Path.Combine(Releases, releaseId);

    /// <summary>Symbolic link to the release folder the workloads run from; replaced by an atomic rename.</summary>
    public string Current => Path.Combine(DataDirectory, "current");

    /// <summary>The update engine's durable journal and its state.</summary>
    public string Update => Path.Combine(DataDirectory, "update");

    /// <summary>Partial artifact downloads, resumed with HTTP Range after a cut.</summary>
    public string Downloads => Path.Combine(DataDirectory, "downloads");

    /// <summary>Agent binaries installed by self-update, and the link the service manager starts.</summary>
    public string Agent => Path.Combine(DataDirectory, "agent");

    /// <summary>Captured stdout/stderr of workload processes, <c>logs/NAME@VERSION/PROCESS.log</c>, rotated.</summary>
    public string WorkloadLogs => Path.Combine(DataDirectory, "logs");

    /// <summary>Workload processes running now (PID and start time), so the next agent can stop what a killed one left.</summary>
    public string WorkloadPids => Path.Combine(DataDirectory, "workloads.pids");

    /// <summary>The telemetry outbox (SQLite, WAL).</summary>
    public string Outbox => Path.Combine(DataDirectory, "outbox.db");

    /// <summary>The local API for workloads: HTTP over this Unix socket.</summary>
    public string LocalApiSocket => Path.Combine(DataDirectory, "agent.sock");
}
