namespace Outpost.Protocol.Rollouts;

public sealed record RolloutList
{
    public IReadOnlyList<RolloutView> Items { get; set; } = [];
}
