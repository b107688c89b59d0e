using System.Globalization;
using Outpost.Agent.Telemetry.Outbox;

namespace Outpost.Agent.LocalApi;

/// <summary>
/// Decides per level which workload log records go to the outbox: sampling (keep one in N), then a token bucket.
/// Everything it turns away is counted, and the counts are reported as records of their own
/// (<c>outpost.suppressed</c>), so a chatty workload costs bounded bandwidth and the loss is visible.
/// </summary>
internal sealed class LogLimiter
{
    public const string SuppressedName = "outpost.suppressed";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Level> _levels = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public LogLimiter(IReadOnlyDictionary<string, LogLevelLimit> limits, TimeProvider time)
    {
        _time = time;
        foreach (var (name, limit) in limits)
        {
            _levels[name.ToLowerInvariant()] = new Level(limit, new TokenBucket(limit.PerSecond, limit.Burst, time));
        }
    }

    /// <summary>True if a record of this (known, lower-case) level may go out now; false if it is suppressed (and counted).</summary>
    public bool Admit(string level)
    {
        lock (_gate)
        {
            if (!_levels.TryGetValue(level, out var state))
            {
                return true;
            }

            state.Seen++;
            var sampledIn = state.Limit.KeepOneIn <= 1 || state.Seen % state.Limit.KeepOneIn == 1;
            if (sampledIn && state.Bucket.TryTake(1))
            {
                return true;
            }

            state.Suppressed++;
            return false;
        }
    }

    /// <summary>One record per level that suppressed anything since the last call.</summary>
    public List<OutboxEntry> TakeSuppressed()
    {
        var now = _time.GetUtcNow();
        var records = new List<OutboxEntry>();
        lock (_gate)
        {
            foreach (var (name, state) in _levels)
            {
                if (state.Suppressed > 0)
                {
                    var count = state.Suppressed.ToString(CultureInfo.InvariantCulture);
                    records.Add(new OutboxEntry(now, SuppressedName, name, $"{count} {name} log records suppressed by sampling and rate limits",
                        Attributes: new Dictionary<string, string> { ["level"] = name, ["suppressed"] = count }));
                    state.Suppressed = 0;
                }
            }
        }

        return records;
    }

    private sealed class Level(LogLevelLimit limit, TokenBucket bucket)
    {
        public LogLevelLimit Limit { get; } = limit;

        public TokenBucket Bucket { get; } = bucket;

        public long Seen { get; set; }

        public long Suppressed { get; set; }
    }
}
