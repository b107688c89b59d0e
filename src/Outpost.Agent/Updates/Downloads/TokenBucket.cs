namespace Outpost.Agent.Updates.Downloads;

/// <summary>
/// Bandwidth cap for downloads: a token bucket on <see cref="TimeProvider"/> holding at most one second of bytes.
/// A read is accounted after it happened (the balance may go negative) and the reader then waits until the debt is
/// paid, so the average rate stays at the cap whatever the chunk sizes are.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly double _bytesPerSecond;
    private double _tokens;
    private long _stamp;

    public TokenBucket(long bytesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(bytesPerSecond, 0);
        _time = time;
        _bytesPerSecond = bytesPerSecond;
        _tokens = bytesPerSecond;
        _stamp = time.GetTimestamp();
    }

    public long BytesPerSecond => (long)_bytesPerSecond;

    /// <summary>Takes <paramref name="bytes"/> and waits as long as the bucket is in debt.</summary>
    public async ValueTask TakeAsync(long bytes, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_bytesPerSecond, _tokens + (_time.GetElapsedTime(_stamp, now).TotalSeconds * _bytesPerSecond));
            _stamp = now;
            _tokens -= bytes;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _bytesPerSecond);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }
    }
}
