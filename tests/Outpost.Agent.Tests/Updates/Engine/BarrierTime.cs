using Microsoft.Extensions.Time.Testing;

namespace Outpost.Agent.Tests.Updates.Engine;

/// <summary>Fake time that also says when code under test starts waiting on it: a barrier, not a sleep.</summary>
internal sealed class BarrierTime : FakeTimeProvider
{
    private readonly SemaphoreSlim _timers = new(0);

    public BarrierTime()
        : base(new DateTimeOffset(2026, 11, 29, 4, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Release();
        return timer;
    }

    /// <summary>Completes once the code under test has created a timer (e.g. is inside Task.Delay).</summary>
    public Task WaitForTimerAsync(CancellationToken cancellationToken) => _timers.WaitAsync(cancellationToken);

    /// <summary>Runs <paramref name="work"/> to completion, advancing time by <paramref name="step"/> whenever it waits.</summary>
    public async Task DriveAsync(Task work, TimeSpan step, int maxSteps = 10_000)
    {
        for (var i = 0; i < maxSteps && !work.IsCompleted; i++)
        {
            using var stop = new CancellationTokenSource();
            var waiting = WaitForTimerAsync(stop.Token);
            if (await Task.WhenAny(work, waiting) == waiting)
            {
                Advance(step);
            }
            else
            {
                await stop.CancelAsync();
            }
        }

        await work;
    }
}
