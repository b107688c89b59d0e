namespace Outpost.Server.Rollouts;

/// <summary>How an operator action ended; each caller (admin API, dashboard) answers it in its own medium.</summary>
internal enum RolloutActionOutcome
{
    /// <summary>Applied and audited.</summary>
    Done,

    /// <summary>No rollout with that id.</summary>
    NotFound,

    /// <summary>Not valid in the rollout's state (or it kept changing under the engine): a 409, nothing written.</summary>
    Refused,
}
