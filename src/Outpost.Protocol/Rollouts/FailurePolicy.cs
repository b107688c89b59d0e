namespace Outpost.Protocol.Rollouts;

/// <summary>What a failed gate does after halting the rollout.</summary>
public enum FailurePolicy
{
    /// <summary>Every device the rollout touched is sent back to the release it ran before.</summary>
    Rollback,

    /// <summary>The rollout stays halted for an operator to resume, promote or abort.</summary>
    Pause,
}
