namespace Outpost.Protocol.Telemetry;

/// <summary>Device counts of one group of the fleet (a site, or a release; Key null = no release reported yet).</summary>
public sealed record FleetGroupCount
{
    public string? Key { get; init; }

    public required int Total { get; init; }

    public required int Online { get; init; }

    public required int Offline { get; init; }

    public required int Revoked { get; init; }
}
