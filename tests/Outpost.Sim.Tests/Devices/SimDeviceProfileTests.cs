using Outpost.Sim.Devices;
using Outpost.Sim.Scenarios;

namespace Outpost.Sim.Tests.Devices;

public sealed class SimDeviceProfileTests
{
    [Fact]
    public void ForFleet_TwentyPercentOfAThousand_SelectsExactlyTwoHundredSpreadOverEverySite()
    {
        var scenario = SimScenario.Uniform(1000, 20);
        scenario.Behaviours.Add(new SimBehaviour { CrashOn = "cam@2.0.0", Fraction = 0.2 });
        var sites = Sites(scenario);

        var profiles = SimDeviceProfile.ForFleet(scenario, sites);

        var crashing = Enumerable.Range(0, profiles.Length).Where(i => profiles[i].CrashesOn("cam@2.0.0")).ToList();
        Assert.Equal(200, crashing.Count);
        Assert.All(crashing.GroupBy(i => sites[i]), g => Assert.Equal(10, g.Count()));
        Assert.False(profiles[crashing[0]].CrashesOn("cam@3.0.0"));
    }

    [Fact]
    public void ForFleet_SiteFilter_OnlyThoseSites_AndRulesAddUp()
    {
        var scenario = SimScenario.Uniform(10, 2);
        scenario.Metrics["inference_fps"] = 30;
        scenario.Behaviours.Add(new SimBehaviour { Sites = ["site-02"], MetricRegression = new() { Release = "cam@2.0.0", Metric = "inference_fps", Change = -0.3 } });
        scenario.Behaviours.Add(new SimBehaviour { Latency = TimeSpan.FromMilliseconds(100) });
        scenario.Behaviours.Add(new SimBehaviour { Sites = ["site-02"], Latency = TimeSpan.FromMilliseconds(50) });
        var sites = Sites(scenario);

        var profiles = SimDeviceProfile.ForFleet(scenario, sites);

        for (var i = 0; i < profiles.Length; i++)
        {
            var inSite2 = sites[i] == "site-02";
            Assert.Equal(inSite2 ? 1 : 0, profiles[i].Regressions.Count);
            Assert.Equal(TimeSpan.FromMilliseconds(inSite2 ? 150 : 100), profiles[i].Latency);
        }
    }

    [Fact]
    public void ForFleet_FractionZero_SelectsNobody()
    {
        var scenario = SimScenario.Uniform(50, 5);
        scenario.Behaviours.Add(new SimBehaviour { CrashOn = "cam@2.0.0", Fraction = 0 });

        Assert.DoesNotContain(SimDeviceProfile.ForFleet(scenario, Sites(scenario)), p => p.CrashesOn("cam@2.0.0"));
    }

    private static string[] Sites(SimScenario scenario) =>
        [.. scenario.Sites.SelectMany(s => Enumerable.Repeat(s.Name, s.Devices))];
}
