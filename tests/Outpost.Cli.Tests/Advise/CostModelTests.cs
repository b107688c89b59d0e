using Outpost.Cli.Advise.Costs;
using Outpost.Cli.Advise.Evaluation;

namespace Outpost.Cli.Tests.Advise;

/// <summary>Expected values are computed by hand from <see cref="TestWorkloads.Baseline"/> (month = 365/12 days, 730 h).</summary>
public sealed class CostModelTests
{
    // Raw: 10 Mbps x 86,400 s / 8,000 = 108 GB/day x 30.41667 = 3,285 GB/month; edge keeps 10% = 328.5 GB/month.
    // Edge monthly: platform 200 + ops 10 x 0.5 h x $100 = 500 + transfer 328.5 x 0.05 = 16.425
    //   + storage 10.8 GB/day x 30 days x 0.02 = 6.48 + power 10 x 10 W x 730 h / 1000 x 0.20 = 14.60 => 737.505
    // Cloud monthly: ops 8 h x $100 = 800 + transfer 3,285 x 0.05 = 164.25 + storage 108 x 30 x 0.02 = 64.80
    //   + compute 10/s x 86,400 x 30.41667 = 26,280,000 inferences / 1000 x 0.01 = 262.80 => 1,291.85
    // Edge up front: 10 x $500 + 80 h x $100 = 13,000.
    private const double EdgeMonthly = 737.505;
    private const double CloudMonthly = 1291.85;

    [Fact]
    public void Compute_Baseline_MatchesHandComputation()
    {
        var tco = CostModel.Compute(TestWorkloads.Resolved());
        Assert.Equal(13000 + (36 * EdgeMonthly), tco.EdgeTotalUsd, 6); // 39,550.18
        Assert.Equal(36 * CloudMonthly, tco.CloudTotalUsd, 6);         // 46,506.60
        Assert.Equal(13000, tco.CumulativeEdgeUsd[0], 6);
        Assert.Equal(0, tco.CumulativeCloudUsd[0], 6);
        // 13,000 + 737.505 m <= 1,291.85 m  =>  m >= 23.45  =>  month 24
        Assert.Equal(24, tco.BreakEvenMonth);
    }

    [Fact]
    public void Compute_Baseline_LinesAddUp()
    {
        var tco = CostModel.Compute(TestWorkloads.Resolved());
        var line = tco.Lines.ToDictionary(l => l.Category);
        Assert.Equal(5000, line["Hardware"].EdgeUsd, 6);
        Assert.Equal(8000 + (36 * 200), line["OTA and observability infrastructure"].EdgeUsd, 6);
        Assert.Equal(36 * 500, line["Ops time"].EdgeUsd, 6);
        Assert.Equal(36 * 800, line["Ops time"].CloudUsd, 6);
        Assert.Equal(36 * 16.425, line["Bandwidth and egress"].EdgeUsd, 6);
        Assert.Equal(36 * 164.25, line["Bandwidth and egress"].CloudUsd, 6);
        Assert.Equal(36 * 6.48, line["Cloud storage"].EdgeUsd, 6);
        Assert.Equal(36 * 64.80, line["Cloud storage"].CloudUsd, 6);
        Assert.Equal(36 * 262.80, line["Cloud compute"].CloudUsd, 6);
        Assert.Equal(36 * 14.60, line["Power"].EdgeUsd, 6);
        Assert.Equal(tco.EdgeTotalUsd, tco.Lines.Sum(l => l.EdgeUsd), 6);
        Assert.Equal(tco.CloudTotalUsd, tco.Lines.Sum(l => l.CloudUsd), 6);
    }

    [Fact]
    public void Compute_TwoYearLifetime_BuysReplacementAtMonth24()
    {
        var tco = CostModel.Compute(TestWorkloads.Resolved(w => w with { Device = w.Device with { LifetimeYears = 2 } }));
        Assert.Equal(13000 + 5000 + (36 * EdgeMonthly), tco.EdgeTotalUsd, 6);
        // Month 24: 18,000 + 24 x 737.505 = 35,700.12 > 31,004.40. Month 33: 42,337.67 <= 42,631.05. Month 32: 41,600.16 > 41,339.20.
        Assert.Equal(33, tco.BreakEvenMonth);
    }

    [Fact]
    public void Compute_CloudAlwaysCheaper_NoBreakEven()
    {
        var tco = CostModel.Compute(TestWorkloads.Resolved(w => w with { Device = w.Device with { PriceUsd = 5000 } }));
        Assert.Null(tco.BreakEvenMonth);
        Assert.Contains("does not break even within 36 months", tco.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_CellularLink_PricesTransferAtCellularRate()
    {
        var tco = CostModel.Compute(TestWorkloads.Resolved(w => w.WithLink(l => l with { Cellular = true })));
        // 3,285 GB x $2 = 6,570 per month for raw; 328.5 x $2 = 657 for the edge
        Assert.Equal(36 * 6570, tco.Lines.Single(l => l.Category == "Bandwidth and egress").CloudUsd, 6);
        Assert.Equal(36 * 657, tco.Lines.Single(l => l.Category == "Bandwidth and egress").EdgeUsd, 6);
    }

    [Fact]
    public void EgressSaving_Baseline_SavingAndThousandDollarPrice()
    {
        var saving = EgressSavingCalculator.Compute(TestWorkloads.Resolved());
        // 3,285 - 328.5 = 2,956.5 GB/month x $0.05 = $147.825; $1,000 / 2,956.5 = $0.338238/GB
        Assert.Equal(2956.5, saving.SavedGbPerMonth, 6);
        Assert.Equal(147.825, saving.SavingUsdPerMonth, 6);
        Assert.Equal(0.338238, saving.PriceForReferenceSavingPerGb!.Value, 6);
    }
}
