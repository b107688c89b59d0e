namespace Outpost.Cli.Advise.Model;

/// <summary>What the workload file says about prices; absent values fall back to <see cref="Costs.PriceBook.Defaults"/>.</summary>
internal sealed record PriceOverrides
{
    public double? EgressPerGb { get; set; }
    public double? IngestPerGb { get; set; }
    public double? StoragePerGbMonth { get; set; }
    public double? CloudComputePer1kInferences { get; set; }
    public double? CellularPerGb { get; set; }
    public double? OpsHourlyUsd { get; set; }
    public double? PowerPerKwh { get; set; }
    public double? EdgePlatformPerMonthUsd { get; set; }
}
