namespace Outpost.Cli.Advise.Evaluation;

/// <summary>One trigger or anti-signal: met or not, the arithmetic as a sentence, and the numbers behind it.</summary>
internal sealed record SignalResult
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required bool Met { get; init; }
    public required string Explanation { get; init; }
    public IReadOnlyDictionary<string, double> Numbers { get; init; } = new Dictionary<string, double>();

    /// <summary>Sites the signal holds for, when it is decided per site.</summary>
    public IReadOnlyList<string> Sites { get; init; } = [];
}
