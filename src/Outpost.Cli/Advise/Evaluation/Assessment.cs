using Outpost.Cli.Advise.Costs;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Everything decided for one set of assumptions (the base case, or one sensitivity variation).</summary>
internal sealed record Assessment
{
    public required IReadOnlyList<SignalResult> Triggers { get; init; }
    public required IReadOnlyList<SignalResult> AntiSignals { get; init; }
    public required Recommendation Recommendation { get; init; }
    public required TcoResult Tco { get; init; }
    public required EgressSaving EgressSaving { get; init; }
}
