namespace Outpost.Protocol.Rollouts;

public sealed record RolloutDecisionList
{
    public IReadOnlyList<RolloutDecisionView> Items { get; set; } = [];
}
