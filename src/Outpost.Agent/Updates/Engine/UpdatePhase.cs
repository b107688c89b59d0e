namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// How far an in-flight update has come. Everything before <see cref="Switching"/> left <c>current</c> untouched, so an
/// update in those phases can be abandoned at no cost; from <see cref="Switching"/> on it must end in a commit or a
/// revert.
/// </summary>
internal enum UpdatePhase
{
    /// <summary>Started: the release is being downloaded, verified and staged (or was already).</summary>
    Staging,

    /// <summary><c>releases/X</c> is in place and its files matched release.json.</summary>
    Installed,

    /// <summary>The release's agent binary passed its trial (only for releases that carry one).</summary>
    Trialed,

    /// <summary><c>current</c> is being pointed at the release (it may still point at the old one).</summary>
    Switching,

    /// <summary>Switched and the workload started; the health window runs from <see cref="InFlightUpdate.WindowStartedAt"/>.</summary>
    HealthCheck,

    /// <summary>The health window failed; going back to <see cref="InFlightUpdate.From"/>.</summary>
    Reverting,
}
