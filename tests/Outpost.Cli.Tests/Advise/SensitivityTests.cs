using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Sensitivity;

namespace Outpost.Cli.Tests.Advise;

public sealed class SensitivityTests
{
    // Edge total = 10 x P + 8,000 + 36 x 737.505 = 10 P + 34,550.18; cloud = 46,506.60.
    // They cross at P = (46,506.60 - 34,550.18) / 10 = 1,195.64 $.
    [Fact]
    public void Analyze_DevicePrice_FindsHandComputedCrossover()
    {
        var r = TestWorkloads.Resolved();
        var result = SensitivityAnalyzer.Analyze(r, Assessor.Assess(r));
        var row = result.Rows.Single(x => x.Assumption == "device price");
        Assert.False(row.FlipsCheaperOption); // $500 +25% = $625, far from $1,195.64
        Assert.Equal(1195.642, row.CostCrossoverValue!.Value, 0.01);
    }

    [Fact]
    public void Analyze_DevicePriceNearCrossover_FlipsCheaperOption()
    {
        var r = TestWorkloads.Resolved(w => w with { Device = w.Device with { PriceUsd = 1100 } });
        var result = SensitivityAnalyzer.Analyze(r, Assessor.Assess(r));
        var row = result.Rows.Single(x => x.Assumption == "device price");
        Assert.True(row.FlipsCheaperOption); // $1,100 x 1.25 = $1,375 > $1,195.64
        Assert.Contains("device price", result.Summary, StringComparison.Ordinal);
        Assert.False(result.Rows.Single(x => x.Assumption == "cloud inference time").FlipsCheaperOption);
    }

    [Fact]
    public void Analyze_SlaNearCloudPath_FlipsVerdict()
    {
        // SLA 55 ms < 60 ms cloud path: edge. +25% = 68.75 ms: the cloud meets it, nothing else triggers: cloud.
        var r = TestWorkloads.Resolved(w => w with { Latency = w.Latency with { SlaMs = 55 } });
        var baseCase = Assessor.Assess(r);
        Assert.Equal(Verdict.Edge, baseCase.Recommendation.Verdict);
        var row = SensitivityAnalyzer.Analyze(r, baseCase).Rows.Single(x => x.Assumption == "latency SLA");
        Assert.True(row.FlipsVerdict);
        Assert.Equal(Verdict.Cloud, row.VerdictHigh);
    }
}
