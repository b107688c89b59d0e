using Outpost.Cli.Advise;
using Outpost.Cli.Advise.Catalog;
using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Loading;

namespace Outpost.Cli.Tests.Advise;

/// <summary>The shipped examples in examples/advise/ keep giving the answer their comments promise.</summary>
public sealed class WorkedExampleTests
{
    private static AdviceReport Load(string name) =>
        Advisor.Advise(WorkloadLoader.LoadFile(RepoPaths.Example(name), CatalogStore.Default));

    private static bool Met(AdviceReport r, string id) => r.Triggers.Single(t => t.Id == id).Met;

    [Fact]
    public void StoreVideoAnalytics_LatencyDecides_Edge()
    {
        var r = Load("store-video-analytics.yaml");
        Assert.Equal(Verdict.Edge, r.Recommendation.Verdict);
        Assert.True(Met(r, LatencyTrigger.Id));
        // catalog: jetson-orin-nano yolo INT8 at 120 FPS => 1000 / 120 = 8.33 ms
        Assert.Equal(1000.0 / 120, r.Device.EdgeInferenceMs, 6);
    }

    [Fact]
    public void IndustrialDataReduction_ShowsSavingAndThousandDollarPrice()
    {
        var r = Load("industrial-data-reduction.yaml");
        Assert.True(Met(r, BandwidthTrigger.Id));
        Assert.Equal(Verdict.Hybrid, r.Recommendation.Verdict);
        // 12 x 92.6 Mbps x 86,400 s / 8,000 = 12,000.96 GB/day; kept 100 - 96.67 = 3.33% = 399.63 GB/day.
        Assert.Equal(12000.96, r.EgressSaving.RawGbPerDay, 2);
        Assert.Equal(399.63, r.EgressSaving.ReducedGbPerDay, 2);
        // Saved (12,000.96 - 399.63) x 30.41667 = 352,873.7 GB/month; x $0.05 = $17,643.69/month; $1,000 / 352,873.7 = $0.0028339/GB
        Assert.Equal(17643.69, r.EgressSaving.SavingUsdPerMonth, 0.01);
        Assert.Equal(0.0028339, r.EgressSaving.PriceForReferenceSavingPerGb!.Value, 7);
        Assert.Contains("'about $1,000/month' only at $0.00283/GB", r.EgressSaving.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void FiberPilot_TwelveDevices_Cloud()
    {
        var r = Load("fiber-pilot.yaml");
        Assert.Equal(Verdict.Cloud, r.Recommendation.Verdict);
        Assert.Equal(12, r.Devices);
        Assert.DoesNotContain(r.Triggers, t => t.Met);
        Assert.True(r.AntiSignals.Single(a => a.Id == LowVolumeSignal.Id).Met);
    }

    [Fact]
    public void HospitalVideo_SovereigntyAloneDecides_Edge()
    {
        var r = Load("hospital-sovereignty.yaml");
        Assert.Equal(Verdict.Edge, r.Recommendation.Verdict);
        Assert.Equal([SovereigntyTrigger.Id], r.Triggers.Where(t => t.Met).Select(t => t.Id));
    }
}
