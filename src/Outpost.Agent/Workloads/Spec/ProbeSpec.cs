namespace Outpost.Agent.Workloads.Spec;

/// <summary>A health probe: exactly one of <see cref="Http"/>, <see cref="Tcp"/>, <see cref="Exec"/>.</summary>
internal sealed record ProbeSpec
{
    public HttpProbeSpec? Http { get; set; }

    public TcpProbeSpec? Tcp { get; set; }

    public ExecProbeSpec? Exec { get; set; }

    public double IntervalSeconds { get; set; } = 5;

    public double TimeoutSeconds { get; set; } = 2;

    public int FailureThreshold { get; set; } = 3;

    public double InitialDelaySeconds { get; set; }

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    public TimeSpan InitialDelay => TimeSpan.FromSeconds(InitialDelaySeconds);
}
