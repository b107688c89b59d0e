namespace Outpost.Sim.Reporting;

/// <summary>The whole run: latency, errors by kind, per site, where the fleet ended.</summary>
public sealed record SimSummary
{
    /// <summary>Devices simulated.</summary>
    public int Devices { get; init; }

    /// <summary>Seconds the devices ran.</summary>
    public double DurationSeconds { get; init; }

    /// <summary>Check-ins attempted over the network.</summary>
    public long CheckIns { get; init; }

    /// <summary>Failed check-ins.</summary>
    public long Errors { get; init; }

    /// <summary>Latency of successful check-ins.</summary>
    public required SimLatency Latency { get; init; }

    /// <summary>The measurement window (<see cref="SimFleetOptions.MeasureFrom"/>), when one was set.</summary>
    public SimWindowSummary? Window { get; init; }

    /// <summary>Failed requests by kind (HTTP status, timeout, network, TLS; telemetry prefixed).</summary>
    public IReadOnlyDictionary<string, long> ErrorsByKind { get; init; } = new Dictionary<string, long>();

    /// <summary>Telemetry batches the server stored.</summary>
    public long TelemetryUploads { get; init; }

    /// <summary>Telemetry batches answered 404 (a server without the telemetry endpoint); tolerated, not errors.</summary>
    public long TelemetryNotFound { get; init; }

    /// <summary>Per site.</summary>
    public IReadOnlyList<SimSiteSummary> Sites { get; init; } = [];

    /// <summary>Devices per current release at the end.</summary>
    public IReadOnlyDictionary<string, int> Releases { get; init; } = new Dictionary<string, int>();

    /// <summary>Devices per update state at the end.</summary>
    public IReadOnlyDictionary<string, int> UpdateStates { get; init; } = new Dictionary<string, int>();
}
