using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>
/// One target device of a rollout. <see cref="PreviousRelease"/> is the release it ran when assigned (devices.current_release):
/// the release a rollback sends it back to.
/// </summary>
internal sealed record RolloutMember
{
    public required string DeviceId { get; init; }

    public required string Site { get; init; }

    public int? Phase { get; init; }

    public required RolloutDeviceState State { get; init; }

    public string? PreviousRelease { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? Cause { get; init; }
}
