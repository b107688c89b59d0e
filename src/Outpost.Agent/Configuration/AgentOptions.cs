namespace Outpost.Agent.Configuration;

/// <summary>
/// Settings of <c>outpost-agent run</c>, section <c>Agent</c>. Each key is fed, lowest precedence first, from
/// agent.json (written by enroll), an OUTPOST_AGENT_* environment variable, then a command-line flag; see
/// <see cref="AgentSettings"/> for the one table that maps them.
/// </summary>
internal sealed class AgentOptions
{
    public const string Section = "Agent";

    public const string DefaultDataDirectory = "/var/lib/outpost-agent";

    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>Device API base URL, from enrollment.</summary>
    public string? ServerUrl { get; set; }

    public string DeviceClass { get; set; } = "generic";

    /// <summary>Interval until the server's first answer says otherwise; also the backoff cap.</summary>
    public TimeSpan CheckInInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First backoff step after a failed check-in; doubles per failure up to the interval.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Renew when less than this fraction of the certificate's lifetime remains (0..1).</summary>
    public double RenewalThreshold { get; set; } = 1.0 / 3;

    /// <summary>Limit for one request (connect + TLS + response).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// A system up for less than this at the agent's start has just booted, maybe with its whole site after a power
    /// cut: the first check-in then waits random(0, interval). Zero turns the spread off.
    /// </summary>
    public TimeSpan BootWindow { get; set; } = Sync.CheckInSchedule.DefaultBootWindow;

    /// <summary>Where /proc and /sys are found; "/" except in containers that mount the host's elsewhere.</summary>
    public string SystemRoot { get; set; } = "/";
}
