namespace Outpost.Sim.Reporting;

/// <summary>
/// The check-ins completed inside the measurement window: the steady state of a fleet that has finished connecting
/// (every device's first check-in is a full mutual-TLS handshake; later ones reuse the connection).
/// </summary>
public sealed record SimWindowSummary
{
    /// <summary>Start of the window, seconds after the fleet started.</summary>
    public double FromSeconds { get; init; }

    /// <summary>End of the window, seconds after the fleet started.</summary>
    public double UntilSeconds { get; init; }

    /// <summary>Check-ins attempted inside the window.</summary>
    public long CheckIns { get; init; }

    /// <summary>Failed check-ins inside the window.</summary>
    public long Errors { get; init; }

    /// <summary>Latency of the successful ones.</summary>
    public required SimLatency Latency { get; init; }
}
