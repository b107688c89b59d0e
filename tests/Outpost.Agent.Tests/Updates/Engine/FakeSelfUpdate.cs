using Outpost.Agent.Updates.SelfUpdate;

namespace Outpost.Agent.Tests.Updates.Engine;

internal sealed class FakeSelfUpdate(AgentTrialResult result) : IAgentSelfUpdate
{
    public List<(string Release, string Binary)> Trials { get; } = [];

    public int HandOvers { get; private set; }

    public Task<AgentTrialResult> TrialAsync(string releaseId, string binaryPath, CancellationToken cancellationToken)
    {
        Trials.Add((releaseId, binaryPath));
        return Task.FromResult(result);
    }

    public Task HandOverAsync(CancellationToken cancellationToken)
    {
        HandOvers++;
        return Task.CompletedTask;
    }
}
