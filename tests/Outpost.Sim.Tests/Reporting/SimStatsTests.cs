using Outpost.Agent.Sync;
using Outpost.Sim.Reporting;

namespace Outpost.Sim.Tests.Reporting;

/// <summary>The timeline's per-period latency and the measurement window count what they claim and nothing else.</summary>
public sealed class SimStatsTests
{
    [Fact]
    public void TakeTick_ReturnsThePeriodsLatencies_ThenStartsAgain()
    {
        var stats = new SimStats(["a", "b"]);
        stats.RecordCheckIn(0, TimeSpan.FromMilliseconds(5), DeviceCallStatus.Ok, null);
        stats.RecordCheckIn(1, TimeSpan.FromMilliseconds(7), DeviceCallStatus.Ok, null);
        stats.RecordCheckIn(1, TimeSpan.FromMilliseconds(900), DeviceCallStatus.Unavailable, "timed out");

        var first = stats.TakeTick();
        stats.RecordCheckIn(0, TimeSpan.FromMilliseconds(40), DeviceCallStatus.Ok, null);
        var second = stats.TakeTick();

        Assert.Equal((3, 1), (first.CheckIns, first.Errors));
        Assert.Equal([5.0, 7.0], first.Latencies.Order());
        Assert.Equal((1, 0), (second.CheckIns, second.Errors));
        Assert.Equal([40.0], second.Latencies);
        Assert.Equal(3, stats.Latencies().Length);
    }

    [Fact]
    public void Window_CountsOnlyCheckInsCompletedWhileMeasuring()
    {
        var stats = new SimStats(["a"]);
        var measuring = false;
        stats.MeasureWhile(() => measuring);
        stats.RecordCheckIn(0, TimeSpan.FromSeconds(9), DeviceCallStatus.Ok, null);
        stats.RecordCheckIn(0, TimeSpan.FromSeconds(20), DeviceCallStatus.Unavailable, "broken pipe");

        measuring = true;
        stats.RecordCheckIn(0, TimeSpan.FromMilliseconds(3), DeviceCallStatus.Ok, null);
        stats.RecordCheckIn(0, TimeSpan.FromMilliseconds(4), DeviceCallStatus.Ok, null);
        stats.RecordCheckIn(0, TimeSpan.FromMilliseconds(20), DeviceCallStatus.Unavailable, "refused");
        measuring = false;
        stats.RecordCheckIn(0, TimeSpan.FromSeconds(12), DeviceCallStatus.Ok, null);

        var (checkIns, errors, latencies) = stats.Window();
        Assert.Equal(3, checkIns);
        Assert.Equal(1, errors);
        Assert.Equal([3.0, 4.0], latencies.Order());
        Assert.Equal(6, stats.CheckIns);
    }
}
