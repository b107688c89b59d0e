namespace Outpost.Agent.Sync;

/// <summary>
/// Decides how long to wait before the next check-in. Pure: no clock, no I/O; randomness is injected so two agents
/// with different seeds spread out and tests are reproducible.
/// <list type="bullet">
/// <item>After a success: the server's interval minus up to <see cref="SuccessJitterFraction"/> of it. Jitter only
/// shortens the wait so the device never looks late to a server that marks it offline after one interval.</item>
/// <item>After a failure: "full jitter" exponential backoff, random(0, min(cap, base * 2^attempt)), with the cap equal
/// to the check-in interval. Many agents whose server just came back therefore do not all return at once, and each
/// one checks in again within one interval of the server's return.</item>
/// <item>When the device is revoked or refused: wait the full cap; retrying faster cannot help.</item>
/// <item>At start, on a system that booted less than a boot window (<see cref="DefaultBootWindow"/>) ago: random(0, interval) before the
/// first check-in. Devices that boot together (a site's power coming back) would otherwise all arrive in the same
/// second, each with a full mutual-TLS handshake; an agent restarted on a running system (an update, a crash, an
/// operator) checks in at once.</item>
/// </list>
/// </summary>
internal sealed class CheckInSchedule
{
    public const double SuccessJitterFraction = 0.2;

    /// <summary>How recently the system must have booted for the first check-in to be spread (see the list above).</summary>
    public static readonly TimeSpan DefaultBootWindow = TimeSpan.FromMinutes(5);

    private readonly Random _random;
    private readonly TimeSpan _backoffBase;
    private int _failures;

    public CheckInSchedule(Random random, TimeSpan backoffBase, TimeSpan initialInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(backoffBase, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(initialInterval, TimeSpan.Zero);
        _random = random;
        _backoffBase = backoffBase;
        Interval = initialInterval;
    }

    /// <summary>The regular check-in interval, as last told by the server; also the backoff cap.</summary>
    public TimeSpan Interval { get; private set; }

    /// <summary>Consecutive failed attempts since the last success.</summary>
    public int ConsecutiveFailures => _failures;

    /// <summary>The wait before the first check-in, given how long the system has been up (null: not known).</summary>
    public TimeSpan AtStart(TimeSpan? systemUptime, TimeSpan bootWindow) =>
        systemUptime is { } uptime && uptime < bootWindow ? Interval * _random.NextDouble() : TimeSpan.Zero;

    public TimeSpan AfterSuccess(int? nextCheckInSeconds)
    {
        _failures = 0;
        if (nextCheckInSeconds is > 0)
        {
            Interval = TimeSpan.FromSeconds(nextCheckInSeconds.Value);
        }

        var jitter = Interval * (_random.NextDouble() * SuccessJitterFraction);
        return Interval - jitter;
    }

    public TimeSpan AfterFailure()
    {
        var ceiling = BackoffCeiling(_failures);
        _failures++;
        return ceiling * _random.NextDouble();
    }

    public TimeSpan AfterRefusal()
    {
        _failures++;
        return Interval;
    }

    /// <summary>min(cap, base * 2^attempt), computed without overflowing for large attempt counts.</summary>
    public TimeSpan BackoffCeiling(int attempt)
    {
        var doublings = Math.Min(attempt, 62);
        var ticks = _backoffBase.Ticks;
        for (var i = 0; i < doublings && ticks < Interval.Ticks; i++)
        {
            ticks *= 2;
        }

        return TimeSpan.FromTicks(Math.Min(ticks, Interval.Ticks));
    }
}
