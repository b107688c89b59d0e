namespace Outpost.Server.Alerts;

/// <summary>Halted rollouts, for the rollout-halted rule. Implemented by the rollout engine (Rollouts/).</summary>
internal interface IHaltedRolloutsReader
{
    /// <summary>Every rollout currently in the halted state (not resumed, not cancelled).</summary>
    Task<IReadOnlyList<HaltedRollout>> ListHaltedAsync(CancellationToken cancellationToken);
}
