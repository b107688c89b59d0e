namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>The outcome of an agent binary trial; <see cref="Detail"/> says why it failed, for the update report.</summary>
internal sealed record AgentTrialResult(bool Passed, string? Detail)
{
    public static AgentTrialResult Pass { get; } = new(true, null);

    public static AgentTrialResult Fail(string detail) => new(false, detail);
}
