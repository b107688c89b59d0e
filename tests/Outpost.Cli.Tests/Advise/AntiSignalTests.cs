using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Tests.Advise;

public sealed class AntiSignalTests
{
    [Theory]
    [InlineData(199, false)]
    [InlineData(200, true)]
    public void TolerableLatency_AroundTwoHundredMs(double sla, bool expected)
    {
        var r = TestWorkloads.Resolved(w => w with { Latency = w.Latency with { SlaMs = sla } });
        Assert.Equal(expected, TolerableLatencySignal.Evaluate(r).Met);
    }

    [Theory]
    [InlineData(99.9, 1.0, true)]
    [InlineData(99.89, 1.0, false)]
    [InlineData(99.9, 1.01, false)]
    public void ReliableConnectivity_AvailabilityAndOutageThresholds(double availability, double longest, bool expected)
    {
        var r = TestWorkloads.Resolved(w => w.WithLink(l => l with { AvailabilityPercent = availability, LongestOutageHours = longest }));
        Assert.Equal(expected, ReliableConnectivitySignal.Evaluate(r).Met);
    }

    [Theory]
    [InlineData(19, true)]
    [InlineData(20, false)]
    public void LowVolume_AroundTwentyDevices(int devices, bool expected)
    {
        var r = TestWorkloads.Resolved(w => w.WithSite(s => s with { DevicesPerSite = devices }));
        var result = LowVolumeSignal.Evaluate(r);
        Assert.Equal(expected, result.Met);
        Assert.Equal(devices, result.Numbers["devices"]);
    }

    [Theory]
    [InlineData(5, false)]  // 10 devices x 0.5 h = 5 h <= 5 h
    [InlineData(4.9, true)]
    public void LimitedOpsTeam_HoursNeededVersusAvailable(double available, bool expected)
    {
        var r = TestWorkloads.Resolved(w => w with { Ops = w.Ops with { AvailableHoursPerMonth = available } });
        var result = LimitedOpsTeamSignal.Evaluate(r);
        Assert.Equal(expected, result.Met);
        Assert.Equal(5, result.Numbers["neededHoursPerMonth"], 6);
    }

    [Fact]
    public void LimitedOpsTeam_MissingNetworkingSkill_Present()
    {
        var r = TestWorkloads.Resolved(w => w with { Ops = w.Ops with { Skills = ["linux"] } });
        var result = LimitedOpsTeamSignal.Evaluate(r);
        Assert.True(result.Met);
        Assert.Contains("missing skills: networking", result.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitedOpsTeam_NoEngineer_Present()
    {
        var r = TestWorkloads.Resolved(w => w with { Ops = w.Ops with { Engineers = 0 } });
        Assert.True(LimitedOpsTeamSignal.Evaluate(r).Met);
    }

    [Theory]
    [InlineData(13000, false)] // 10 x $500 + 80 h x $100 = $13,000
    [InlineData(12999, true)]
    public void ConstrainedBudget_UpfrontVersusBudget(double budget, bool expected)
    {
        var r = TestWorkloads.Resolved(w => w with { Budget = new BudgetSpec { UpfrontUsd = budget } });
        var result = ConstrainedBudgetSignal.Evaluate(r);
        Assert.Equal(expected, result.Met);
        Assert.Equal(13000, result.Numbers["edgeUpfrontUsd"], 6);
    }

    [Fact]
    public void ConstrainedBudget_NoBudgetStated_NotPresent()
    {
        Assert.False(ConstrainedBudgetSignal.Evaluate(TestWorkloads.Resolved()).Met);
    }
}
