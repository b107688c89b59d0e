using Outpost.Protocol.Devices;

namespace Outpost.Sim;

/// <summary>One virtual device as the simulator sees it (tests compare it with what the server shows).</summary>
public sealed record SimDeviceView
{
    /// <summary>Device id the server assigned at enrollment.</summary>
    public required string Id { get; init; }

    /// <summary>Site of the scenario the device belongs to.</summary>
    public required string Site { get; init; }

    /// <summary>Its last check-in succeeded and it is not in an offline window.</summary>
    public bool Online { get; init; }

    /// <summary>In an offline window now.</summary>
    public bool Offline { get; init; }

    /// <summary>Committed release it runs.</summary>
    public string? CurrentRelease { get; init; }

    /// <summary>Kept N-1.</summary>
    public string? PreviousRelease { get; init; }

    /// <summary>Latest update report it sends.</summary>
    public UpdateReport? Update { get; init; }
}
