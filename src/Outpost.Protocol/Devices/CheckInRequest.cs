namespace Outpost.Protocol.Devices;

/// <summary>
/// What an agent reports on each check-in. There is deliberately no device id here:
/// the server takes the identity from the client certificate only.
/// </summary>
public sealed record CheckInRequest
{
    public required string AgentVersion { get; init; }

    public required string DeviceClass { get; init; }

    public required SystemSnapshot System { get; init; }

    /// <summary>The agent's latest report on its desired release; null when it has none.</summary>
    public UpdateReport? Update { get; init; }

    /// <summary>The committed release the device runs (<c>NAME@VERSION</c>), or null before its first install.</summary>
    public string? CurrentRelease { get; init; }

    /// <summary>The release kept on the device as the rollback target (N-1), or null.</summary>
    public string? PreviousRelease { get; init; }
}
