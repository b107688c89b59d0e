namespace Outpost.Agent.Updates.Engine;

/// <summary>The steps the planner chose for one state; empty = nothing to do until something changes.</summary>
internal sealed record UpdatePlan(IReadOnlyList<UpdateStep> Steps)
{
    public bool IsEmpty => Steps.Count == 0;

    public override string ToString() => IsEmpty ? "(nothing)" : string.Join(", ", Steps);
}
