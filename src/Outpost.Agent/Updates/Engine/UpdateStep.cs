namespace Outpost.Agent.Updates.Engine;

/// <summary>One command of a plan and the release it applies to (null for Unlink and CollectGarbage).</summary>
internal sealed record UpdateStep(StepKind Kind, string? Release = null)
{
    public override string ToString() => Release is null ? Kind.ToString() : $"{Kind} {Release}";
}
