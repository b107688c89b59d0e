using Outpost.Agent.Workloads;
using Outpost.Agent.Workloads.Spec;

namespace Outpost.Agent.Tests.Workloads;

public sealed class RestartTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnExit_QuickCrashes_BackOffDoublingToTheCapThenCrashLoop()
    {
        var tracker = new RestartTracker(
            new RestartSpec { InitialBackoffSeconds = 1, MaxBackoffSeconds = 5 }, new CrashLoopSpec { MaxRestarts = 4, WindowSeconds = 60 });
        var delays = Enumerable.Range(0, 5).Select(i => tracker.OnExit(T0.AddSeconds(i), T0.AddSeconds(i + 0.5))).ToList();

        Assert.Equal([1, 2, 4, 5, null], delays.Select(d => d?.TotalSeconds));
        Assert.Equal(5, tracker.ExitsInWindow);
    }

    [Fact]
    public void OnExit_RestartsSpreadBeyondTheWindow_NeverCrashLoop()
    {
        var tracker = new RestartTracker(new RestartSpec(), new CrashLoopSpec { MaxRestarts = 2, WindowSeconds = 10 });

        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(tracker.OnExit(T0.AddSeconds(6 * i), T0.AddSeconds((6 * i) + 1)));
        }
    }

    [Fact]
    public void OnExit_AfterARunLongerThanTheWindow_BackoffStartsOver()
    {
        var tracker = new RestartTracker(
            new RestartSpec { InitialBackoffSeconds = 1, MaxBackoffSeconds = 30 }, new CrashLoopSpec { MaxRestarts = 10, WindowSeconds = 10 });
        tracker.OnExit(T0, T0.AddSeconds(1));
        tracker.OnExit(T0.AddSeconds(2), T0.AddSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(1), tracker.OnExit(T0.AddSeconds(5), T0.AddSeconds(100)));
    }

    [Fact]
    public void OnExit_MaxRestartsZero_FirstExitIsACrashLoop()
    {
        var tracker = new RestartTracker(new RestartSpec(), new CrashLoopSpec { MaxRestarts = 0 });

        Assert.Null(tracker.OnExit(T0, T0.AddSeconds(1)));
    }
}
