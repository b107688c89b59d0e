namespace Outpost.Cli.Advise.Costs;

internal sealed record TcoResult
{
    public required int HorizonMonths { get; init; }
    public required IReadOnlyList<CostLine> Lines { get; init; }
    public required double EdgeTotalUsd { get; init; }
    public required double CloudTotalUsd { get; init; }

    /// <summary>First month whose cumulative edge cost is at or below the cloud's; null when it never is within the horizon.</summary>
    public int? BreakEvenMonth { get; init; }

    public required string Explanation { get; init; }

    /// <summary>Index m = cumulative spend after month m (index 0 = day one, the up-front purchase).</summary>
    public required IReadOnlyList<double> CumulativeEdgeUsd { get; init; }

    public required IReadOnlyList<double> CumulativeCloudUsd { get; init; }

    public double EdgeMonthlyAverageUsd => EdgeTotalUsd / HorizonMonths;
    public bool EdgeCheaper => EdgeTotalUsd < CloudTotalUsd;
}
