using Outpost.Cli.Advise.Costs;
using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Tests.Advise;

public sealed class TriggerTests
{
    [Theory]
    [InlineData(59, true)]  // 59 < 40 + 20
    [InlineData(60, false)] // 60 = 40 + 20: the cloud just meets it
    public void Latency_SlaAroundCloudP99Path_MetOnlyBelow(double sla, bool expected)
    {
        var r = TestWorkloads.Resolved(w => w with { Latency = w.Latency with { SlaMs = sla } });
        var result = LatencyTrigger.Evaluate(r);
        Assert.Equal(expected, result.Met);
        Assert.Equal(60, result.Numbers["cloudPathP99Ms"]);
        Assert.Contains("RTT p99 40 ms + cloud inference 20 ms = 60 ms", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Latency_IssueExample_ShowsArithmetic()
    {
        var r = TestWorkloads.Resolved(w => w with
        {
            Latency = w.Latency with { SlaMs = 50, CloudInferenceMs = 25, Network = new NetworkSpec { RttP50Ms = 20, RttP99Ms = 38 } },
        });
        var result = LatencyTrigger.Evaluate(r);
        Assert.True(result.Met);
        Assert.StartsWith("SLA 50 ms < RTT p99 38 ms + cloud inference 25 ms = 63 ms: the cloud cannot meet it", result.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, false)] // peak 10 x 10 Mbps = 100 Mbps fits a 100 Mbps uplink
    [InlineData(99, true)]
    public void Bandwidth_PeakAroundUplink_MetWhenLinkTooSmall(double uplink, bool expected)
    {
        // Free transfer so only link capacity can trigger.
        var r = TestWorkloads.Resolved(w => w.WithSource(s => s with { Count = 10 }).WithLink(l => l with { UplinkMbps = uplink })
            with { Prices = w.Prices with { EgressPerGb = 0 } });
        var result = BandwidthTrigger.Evaluate(r, CostModel.Compute(r));
        Assert.Equal(expected, result.Met);
        Assert.Equal(100, result.Numbers["maxPeakRawMbps"], 6);
    }

    [Fact]
    public void Bandwidth_RawTransferCostlierThanEdgeFleet_Met()
    {
        // $0.05/GB: raw 3,285 GB x 0.05 = 164.25 < edge fleet 39,550.18 / 36 = 1,098.62 per month.
        // $1/GB: raw 3,285 > edge fleet (13,000 + 36 x (200 + 500 + 328.5 + 6.48 + 14.60)) / 36 = 1,410.69 per month.
        var cheap = TestWorkloads.Resolved(w => w with { Prices = w.Prices with { EgressPerGb = 0.05 } });
        var dear = TestWorkloads.Resolved(w => w with { Prices = w.Prices with { EgressPerGb = 1.0 } });
        Assert.False(BandwidthTrigger.Evaluate(cheap, CostModel.Compute(cheap)).Met);
        var result = BandwidthTrigger.Evaluate(dear, CostModel.Compute(dear));
        Assert.True(result.Met);
        Assert.Equal(3285, result.Numbers["rawTransferUsdPerMonth"], 6);
    }

    [Fact]
    public void Offline_NotRequired_NotMetEvenOnBadLinks()
    {
        var r = TestWorkloads.Resolved(w => w.WithLink(l => l with { AvailabilityPercent = 90 }));
        Assert.False(OfflineTrigger.Evaluate(r).Met);
    }

    [Theory]
    [InlineData(100, 0, false)]
    [InlineData(99.5, 0, true)]
    [InlineData(100, 3, true)]
    public void Offline_Required_MetWhenLinkEverFails(double availability, double longestOutage, bool expected)
    {
        var r = TestWorkloads.Resolved(w => w.WithLink(l => l with { AvailabilityPercent = availability, LongestOutageHours = longestOutage })
            with { Offline = new OfflineSpec { MustRunThroughOutages = true, MaxOutageHours = 8 } });
        var result = OfflineTrigger.Evaluate(r);
        Assert.Equal(expected, result.Met);
        // (100 - 99.5)% of 730 h = 3.65 h/month
        Assert.Equal((100 - availability) / 100 * 730, result.Numbers["worstDowntimeHoursPerMonth"], 6);
    }

    [Theory]
    [InlineData("patient-video", true)]
    [InlineData("telemetry", false)]
    public void Sovereignty_RestrictedClassProduced_Met(string sourceClass, bool expected)
    {
        var r = TestWorkloads.Resolved(w => w.WithSource(s => s with { DataClass = sourceClass })
            with { Sovereignty = new SovereigntySpec { RestrictedDataClasses = ["patient-video"] } });
        var result = SovereigntyTrigger.Evaluate(r);
        Assert.Equal(expected, result.Met);
    }

    [Fact]
    public void Sovereignty_NothingDeclared_NotMet()
    {
        Assert.False(SovereigntyTrigger.Evaluate(TestWorkloads.Resolved()).Met);
    }
}
