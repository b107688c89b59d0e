namespace Outpost.Cli.Advise.Model;

internal sealed record AnalysisSpec
{
    public int HorizonMonths { get; set; } = 36;
    public double SensitivityPercent { get; set; } = 25;

    /// <summary>How long uploaded data stays in cloud storage.</summary>
    public double RetentionDays { get; set; } = 30;
}
