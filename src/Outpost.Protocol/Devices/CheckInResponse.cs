namespace Outpost.Protocol.Devices;

public sealed record CheckInResponse
{
    public required DesiredState Desired { get; init; }

    /// <summary>When the server wants to hear from the device next; the agent adds jitter.</summary>
    public required int NextCheckInSeconds { get; init; }

    public required DateTimeOffset ServerTime { get; init; }
}
