namespace Outpost.Protocol.Rollouts;

/// <summary>What happens to a device that timed out: it never counts as a failure either way.</summary>
public enum OfflinePolicy
{
    /// <summary>Keeps the new desired release: it updates when it comes back; the rollout goes on without it.</summary>
    Wait,

    /// <summary>Leaves the rollout: its desired release goes back to what it ran, it is not updated.</summary>
    Exclude,
}
