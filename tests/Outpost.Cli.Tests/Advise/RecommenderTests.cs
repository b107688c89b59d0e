using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Tests.Advise;

public sealed class RecommenderTests
{
    [Fact]
    public void Assess_NoTrigger_Cloud()
    {
        Assert.Equal(Verdict.Cloud, Assessor.Assess(TestWorkloads.Resolved()).Recommendation.Verdict);
    }

    [Fact]
    public void Assess_OfflineAtSomeSitesOnly_Hybrid()
    {
        var r = TestWorkloads.Resolved(w => w with
        {
            Offline = new OfflineSpec { MustRunThroughOutages = true, MaxOutageHours = 4 },
            Sites =
            [
                w.Sites[0] with { Name = "fiber", Link = w.Sites[0].Link with { AvailabilityPercent = 100, LongestOutageHours = 0 } },
                w.Sites[0] with { Name = "remote", Link = w.Sites[0].Link with { AvailabilityPercent = 98, LongestOutageHours = 6 } },
            ],
        });
        var rec = Assessor.Assess(r).Recommendation;
        Assert.Equal(Verdict.Hybrid, rec.Verdict);
        Assert.Contains("remote", rec.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_OfflineEverywhere_Edge()
    {
        var r = TestWorkloads.Resolved(w => w.WithLink(l => l with { AvailabilityPercent = 98 })
            with { Offline = new OfflineSpec { MustRunThroughOutages = true, MaxOutageHours = 4 } });
        Assert.Equal(Verdict.Edge, Assessor.Assess(r).Recommendation.Verdict);
    }

    [Fact]
    public void Assess_BandwidthOnlyWithFewAntiSignals_Edge()
    {
        // Link too small (100 Mbps peak > 50), SLA 100 ms (not tolerable), 99.5% link (not reliable),
        // 10 devices (low volume) = one anti-signal.
        var r = TestWorkloads.Resolved(w => w.WithSource(s => s with { Count = 10 }).WithLink(l => l with { UplinkMbps = 50, AvailabilityPercent = 99.5 }));
        var assessment = Assessor.Assess(r);
        Assert.Equal(1, assessment.AntiSignals.Count(a => a.Met));
        Assert.Equal(Verdict.Edge, assessment.Recommendation.Verdict);
    }

    [Fact]
    public void Assess_BandwidthOnlyWithTwoAntiSignals_Hybrid()
    {
        var r = TestWorkloads.Resolved(w => w.WithSource(s => s with { Count = 10 }).WithLink(l => l with { UplinkMbps = 50 })
            with { Latency = w.Latency with { SlaMs = 300 } });
        Assert.Equal(Verdict.Hybrid, Assessor.Assess(r).Recommendation.Verdict);
    }
}
