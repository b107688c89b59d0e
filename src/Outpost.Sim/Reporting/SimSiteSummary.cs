namespace Outpost.Sim.Reporting;

/// <summary>One site's share of the run.</summary>
public sealed record SimSiteSummary
{
    /// <summary>Site name.</summary>
    public required string Site { get; init; }

    /// <summary>Devices of the site.</summary>
    public int Devices { get; init; }

    /// <summary>Check-ins attempted over the network.</summary>
    public long CheckIns { get; init; }

    /// <summary>Failed check-ins.</summary>
    public long Errors { get; init; }

    /// <summary>Latency of its successful check-ins.</summary>
    public required SimLatency Latency { get; init; }
}
