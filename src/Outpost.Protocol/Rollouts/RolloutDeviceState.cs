namespace Outpost.Protocol.Rollouts;

/// <summary>Where one target device is in a rollout.</summary>
public enum RolloutDeviceState
{
    /// <summary>Not assigned yet: part of the control cohort.</summary>
    Waiting,
    Assigned,
    Updated,
    Failed,

    /// <summary>Not heard from within deviceTimeout; with offline policy wait it still updates when it returns.</summary>
    TimedOut,
    Excluded,
    Reverting,
    Reverted,
}
