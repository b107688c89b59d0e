namespace Outpost.Cli.Advise.Evaluation;

internal sealed record Recommendation
{
    public required Verdict Verdict { get; init; }
    public required string Summary { get; init; }
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Anti-signals that hold despite the verdict: costs and risks to plan for.</summary>
    public required IReadOnlyList<string> Caveats { get; init; }
}
