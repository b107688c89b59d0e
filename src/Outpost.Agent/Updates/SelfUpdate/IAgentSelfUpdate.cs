namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>
/// Agent self-update, as the update engine sees it: a release that carries an artifact of kind <c>agent</c> has that
/// binary tried before the release is switched to. The trial starts the new binary, which must come up and check in;
/// only then is it made the binary the service manager starts next. A failed trial leaves the running agent and the
/// current release untouched.
/// </summary>
internal interface IAgentSelfUpdate
{
    /// <summary>Tries the new agent binary of <paramref name="releaseId"/> found at <paramref name="binaryPath"/>.</summary>
    Task<AgentTrialResult> TrialAsync(string releaseId, string binaryPath, CancellationToken cancellationToken);

    /// <summary>
    /// Called by the engine once the release is committed: hands over to the new binary (the running agent stops so
    /// the service manager starts the new one). Never called after a failed trial.
    /// </summary>
    Task HandOverAsync(CancellationToken cancellationToken);
}
