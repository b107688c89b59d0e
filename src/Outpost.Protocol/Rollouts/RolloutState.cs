namespace Outpost.Protocol.Rollouts;

/// <summary>
/// The rollout state machine (docs/rollouts.md): Pending → Running (phase k) → Baking → Promoted → Running (k+1) … →
/// Completed; a failed gate → Halted → RollingBack → RolledBack (or stays Halted with onFailure: pause). Completed,
/// RolledBack and Aborted are terminal.
/// </summary>
public enum RolloutState
{
    Pending,
    Running,
    Baking,
    Promoted,
    Completed,
    Paused,
    Halted,
    RollingBack,
    RolledBack,
    Aborted,
}
