namespace Outpost.Agent.Updates.Engine;

/// <summary>The update engine as the check-in loop sees it: status out, desired release in.</summary>
internal interface IUpdateStatusSource
{
    UpdateStatus Status { get; }

    /// <summary>Called with the desired release of every successful check-in answer; never blocks on update work.</summary>
    void OnDesired(string? releaseId);
}
