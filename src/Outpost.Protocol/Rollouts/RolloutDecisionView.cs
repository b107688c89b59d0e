namespace Outpost.Protocol.Rollouts;

/// <summary>One audited decision of the engine or an operator, with the evidence it was taken on.</summary>
public sealed record RolloutDecisionView
{
    public required long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>e.g. started, phaseStarted, devicesAssigned, baking, promoted, halted, rollingBack, rolledBack, completed, paused, resumed, aborted.</summary>
    public required string Action { get; init; }

    public required string Reason { get; init; }

    /// <summary>Operator token id, or null for the engine.</summary>
    public string? By { get; init; }

    public RolloutEvidence? Evidence { get; init; }
}
