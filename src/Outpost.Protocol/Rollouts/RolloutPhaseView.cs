namespace Outpost.Protocol.Rollouts;

/// <summary>One phase: how many devices it covers in all (cumulative) and where the devices assigned in it are.</summary>
public sealed record RolloutPhaseView
{
    public required int Index { get; init; }

    /// <summary>Cumulative number of target devices once this phase is deployed.</summary>
    public required int Planned { get; init; }

    public required int BakeSeconds { get; init; }

    public required int Assigned { get; init; }

    public required int Updated { get; init; }

    public required int Failed { get; init; }

    public required int TimedOut { get; init; }
}
