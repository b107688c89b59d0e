namespace Outpost.Cli.Advise.Sensitivity;

internal sealed record SensitivityResult
{
    public required double Percent { get; init; }
    public required IReadOnlyList<SensitivityRow> Rows { get; init; }

    /// <summary>One line naming the assumptions that swing the answer.</summary>
    public required string Summary { get; init; }
}
