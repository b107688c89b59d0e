using Outpost.Cli.Advise.Evaluation;

namespace Outpost.Cli.Advise.Sensitivity;

internal sealed record SensitivityRow
{
    public required string Assumption { get; init; }
    public required double BaseValue { get; init; }
    public required string Unit { get; init; }
    public required Verdict VerdictLow { get; init; }
    public required Verdict VerdictHigh { get; init; }
    public required bool EdgeCheaperLow { get; init; }
    public required bool EdgeCheaperHigh { get; init; }
    public required bool FlipsVerdict { get; init; }
    public required bool FlipsCheaperOption { get; init; }

    /// <summary>Value at which the cheaper option changes, when that happens between 1% and 10x of the base value.</summary>
    public double? CostCrossoverValue { get; init; }

    public required string Explanation { get; init; }
}
