using Outpost.Agent.Sync;

namespace Outpost.Agent.Tests.Sync;

public sealed class CheckInScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);

    [Fact]
    public void AfterFailure_RepeatedFailures_NeverExceedsGrowingCeilingNorCap()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var schedule = new CheckInSchedule(new Random(seed), Base, Interval);
            for (var attempt = 0; attempt < 40; attempt++)
            {
                var delay = schedule.AfterFailure();
                var ceiling = TimeSpan.FromTicks(Math.Min(Base.Ticks << Math.Min(attempt, 20), Interval.Ticks));
                Assert.InRange(delay, TimeSpan.Zero, ceiling);
                Assert.True(delay <= Interval);
            }
        }
    }

    [Fact]
    public void AfterFailure_ManyAgents_AverageDelayGrowsUntilTheCap()
    {
        // Full jitter makes single delays random; across a fleet the mean must double per attempt until capped.
        const int agents = 2000;
        var schedules = Enumerable.Range(0, agents).Select(seed => new CheckInSchedule(new Random(seed), Base, Interval)).ToArray();
        var means = new List<double>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            means.Add(schedules.Average(s => s.AfterFailure().TotalSeconds));
        }

        // Expected means: 0.5, 1, 2, 4, 8, 15 (capped at 30/2), 15, 15.
        for (var i = 1; i < 5; i++)
        {
            Assert.InRange(means[i] / means[i - 1], 1.7, 2.3);
        }

        Assert.InRange(means[6], 13.5, 16.5);
        Assert.InRange(means[7], 13.5, 16.5);
    }

    [Fact]
    public void AfterFailure_TwoAgentsWithDifferentSeeds_SpreadApart()
    {
        var a = new CheckInSchedule(new Random(1), Base, Interval);
        var b = new CheckInSchedule(new Random(2), Base, Interval);
        var delaysA = Enumerable.Range(0, 10).Select(_ => a.AfterFailure()).ToArray();
        var delaysB = Enumerable.Range(0, 10).Select(_ => b.AfterFailure()).ToArray();

        Assert.NotEqual(delaysA, delaysB);
        Assert.True(delaysA.Zip(delaysB).Count(p => p.First != p.Second) >= 9);
    }

    [Fact]
    public void AfterSuccess_ServerInterval_IsUsedWithJitterThatOnlyShortens()
    {
        var schedule = new CheckInSchedule(new Random(7), Base, Interval);
        var delays = Enumerable.Range(0, 100).Select(_ => schedule.AfterSuccess(60)).ToArray();

        Assert.Equal(TimeSpan.FromSeconds(60), schedule.Interval);
        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(60)));
        Assert.True(delays.Distinct().Count() > 50);
    }

    [Fact]
    public void AfterSuccess_AfterFailures_ResetsBackoff()
    {
        var schedule = new CheckInSchedule(new Random(3), Base, Interval);
        for (var i = 0; i < 10; i++)
        {
            schedule.AfterFailure();
        }

        schedule.AfterSuccess(null);

        Assert.Equal(0, schedule.ConsecutiveFailures);
        Assert.Equal(Base, schedule.BackoffCeiling(schedule.ConsecutiveFailures));
        Assert.InRange(schedule.AfterFailure(), TimeSpan.Zero, Base);
    }

    [Fact]
    public void AfterSuccess_ZeroOrMissingInterval_KeepsCurrentInterval()
    {
        var schedule = new CheckInSchedule(new Random(3), Base, Interval);

        schedule.AfterSuccess(0);
        schedule.AfterSuccess(null);
        schedule.AfterSuccess(-5);

        Assert.Equal(Interval, schedule.Interval);
    }

    [Fact]
    public void BackoffCeiling_HugeAttempt_DoesNotOverflow()
    {
        var schedule = new CheckInSchedule(new Random(3), Base, Interval);

        Assert.Equal(Interval, schedule.BackoffCeiling(int.MaxValue));
    }

    [Fact]
    public void AfterRefusal_Always_WaitsTheFullInterval()
    {
        var schedule = new CheckInSchedule(new Random(3), Base, Interval);

        Assert.Equal(Interval, schedule.AfterRefusal());
        Assert.Equal(Interval, schedule.AfterRefusal());
    }

    [Fact]
    public void AtStart_JustBooted_ManyAgents_SpreadOverOneInterval()
    {
        // 10,000 devices of a site whose power came back: no second of the interval may get more than twice its share.
        const int agents = 10_000;
        var perSecond = new int[(int)Interval.TotalSeconds];
        for (var seed = 0; seed < agents; seed++)
        {
            var wait = new CheckInSchedule(new Random(seed), Base, Interval).AtStart(TimeSpan.FromSeconds(40), CheckInSchedule.DefaultBootWindow);
            Assert.InRange(wait, TimeSpan.Zero, Interval);
            perSecond[(int)wait.TotalSeconds]++;
        }

        Assert.All(perSecond, n => Assert.InRange(n, 1, 2 * agents / perSecond.Length));
    }

    [Theory]
    [InlineData(301, 300)] // up longer than the boot window: an agent restart on a running system
    [InlineData(10, 0)]    // the spread turned off
    public void AtStart_NotJustBooted_ChecksInAtOnce(int uptimeSeconds, int windowSeconds)
    {
        var schedule = new CheckInSchedule(new Random(1), Base, Interval);

        Assert.Equal(TimeSpan.Zero, schedule.AtStart(TimeSpan.FromSeconds(uptimeSeconds), TimeSpan.FromSeconds(windowSeconds)));
        Assert.Equal(TimeSpan.Zero, schedule.AtStart(null, CheckInSchedule.DefaultBootWindow));
    }
}
