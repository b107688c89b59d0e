using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Dashboard.Views;

/// <summary>A rollout that targeted the device, as the device page shows it (public: Razor parameters must be).</summary>
public sealed record DeviceRolloutView(
    string RolloutId,
    string Release,
    RolloutState RolloutState,
    RolloutDeviceState DeviceState,
    string? PreviousRelease,
    DateTimeOffset? AssignedAt,
    DateTimeOffset? FinishedAt,
    string? Cause);
