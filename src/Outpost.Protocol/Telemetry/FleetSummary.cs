namespace Outpost.Protocol.Telemetry;

/// <summary>Answer of <c>GET /v1/fleet/summary</c>.</summary>
public sealed record FleetSummary
{
    public required FleetGroupCount Devices { get; init; }

    public required IReadOnlyList<FleetGroupCount> BySite { get; init; }

    /// <summary>By the release devices report running (committed); Key null = none reported.</summary>
    public required IReadOnlyList<FleetGroupCount> ByRelease { get; init; }
}
