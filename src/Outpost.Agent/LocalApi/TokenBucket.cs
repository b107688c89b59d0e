namespace Outpost.Agent.LocalApi;

/// <summary>A token bucket refilled continuously at <c>perSecond</c> up to <c>burst</c>, on an injected clock. Not thread-safe.</summary>
internal sealed class TokenBucket
{
    private readonly double _perSecond;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilledAt;

    public TokenBucket(double perSecond, double burst, TimeProvider time)
    {
        _perSecond = perSecond;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>Takes <paramref name="count"/> tokens if all are there; otherwise takes none.</summary>
    public bool TryTake(double count)
    {
        Refill();
        if (_tokens < count)
        {
            return false;
        }

        _tokens -= count;
        return true;
    }

    /// <summary>Seconds until <paramref name="count"/> tokens will be there (at least 1).</summary>
    public int SecondsUntil(double count) =>
        _perSecond <= 0 ? 60 : (int)Math.Max(1, Math.Ceiling((Math.Min(count, _burst) - _tokens) / _perSecond));

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond));
        _refilledAt = now;
    }
}
