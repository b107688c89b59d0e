using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// A release that failed for good on this device (rolled back, refused): not tried again until the desired release
/// changes. A refusal records the targets metadata version it was refused at: a new signed version may fix it.
/// </summary>
internal sealed record FailedRelease
{
    public required string Release { get; init; }

    public required UpdateState State { get; init; }

    public UpdateFailureCause? Cause { get; init; }

    public string? Detail { get; init; }

    public long? TargetsVersion { get; init; }

    public required DateTimeOffset At { get; init; }
}
