namespace Outpost.Cli.Advise.Model;

internal sealed record BudgetSpec
{
    /// <summary>Money available up front (capex). Absent: no limit stated.</summary>
    public double? UpfrontUsd { get; set; }
}
