using Outpost.Agent.Workloads.Spec;

namespace Outpost.Agent.Workloads;

/// <summary>
/// Decides what follows an exit under a restart-with-backoff policy (pure, times given): the wait before the next
/// start (initial · 2^n, capped at the maximum; n resets once a run lasted a whole crash-loop window), or a crash loop
/// when this restart would be more than crashLoop.maxRestarts within crashLoop.windowSeconds.
/// </summary>
internal sealed class RestartTracker(RestartSpec restart, CrashLoopSpec crashLoop)
{
    private readonly Queue<DateTimeOffset> _restarts = new();
    private int _consecutive;

    /// <summary>The backoff before the next start, or null: crash loop, do not restart.</summary>
    public TimeSpan? OnExit(DateTimeOffset startedAt, DateTimeOffset exitedAt)
    {
        if (exitedAt - startedAt >= crashLoop.Window)
        {
            _consecutive = 0;
        }

        while (_restarts.Count > 0 && exitedAt - _restarts.Peek() >= crashLoop.Window)
        {
            _restarts.Dequeue();
        }

        if (_restarts.Count + 1 > crashLoop.MaxRestarts)
        {
            return null;
        }

        _restarts.Enqueue(exitedAt);
        var seconds = Math.Min(restart.MaxBackoffSeconds, restart.InitialBackoffSeconds * Math.Pow(2, Math.Min(_consecutive, 30)));
        _consecutive++;
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>Exits within the window, this one included: the count a crash loop is reported with.</summary>
    public int ExitsInWindow => _restarts.Count + 1;
}
