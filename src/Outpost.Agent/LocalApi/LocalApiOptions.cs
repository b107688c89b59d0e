namespace Outpost.Agent.LocalApi;

/// <summary>
/// The workloads' local API, section <c>LocalApi</c> (docs/telemetry-agent.md). Always on the Unix socket
/// (AgentPaths.LocalApiSocket); on 127.0.0.1 too when <see cref="LoopbackPort"/> is set.
/// </summary>
internal sealed class LocalApiOptions
{
    public const string Section = "LocalApi";

    /// <summary>Also listen on 127.0.0.1 at this port (0 = any free port); null = Unix socket only.</summary>
    public int? LoopbackPort { get; set; }

    public int MaxConnections { get; set; } = 64;

    /// <summary>A connection that sends no complete request for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events accepted per second (token bucket); above it the API answers 429 and stores nothing.</summary>
    public double EventsPerSecond { get; set; } = 50;

    public double EventsBurst { get; set; } = 500;

    /// <summary>Raw metric samples accepted per second; above it 429.</summary>
    public double MetricSamplesPerSecond { get; set; } = 2000;

    public double MetricSamplesBurst { get; set; } = 10000;

    /// <summary>Per log level (trace, debug, info, warning, error, critical): rate, burst and sampling.</summary>
    public Dictionary<string, LogLevelLimit> LogLevels { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = new() { PerSecond = 1, Burst = 10, KeepOneIn = 10 },
        ["debug"] = new() { PerSecond = 2, Burst = 20, KeepOneIn = 5 },
        ["info"] = new() { PerSecond = 10, Burst = 100 },
        ["warning"] = new() { PerSecond = 20, Burst = 200 },
        ["error"] = new() { PerSecond = 50, Burst = 500 },
        ["critical"] = new() { PerSecond = 50, Burst = 500 },
    };

    /// <summary>How often counts of suppressed log records are written to the Logs channel.</summary>
    public TimeSpan SuppressedReportInterval { get; set; } = TimeSpan.FromSeconds(60);
}
