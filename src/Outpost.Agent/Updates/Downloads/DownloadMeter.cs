using System.Collections.Concurrent;

namespace Outpost.Agent.Updates.Downloads;

/// <summary>
/// Bytes received from the network per target, counted as they are read (resent bytes count again). Against the
/// target's length this gives "bytes fetched again after an interrupted download".
/// </summary>
internal sealed class DownloadMeter
{
    private readonly ConcurrentDictionary<string, long> _fetched = new(StringComparer.Ordinal);

    public long BytesFetched(string target) => _fetched.GetValueOrDefault(target);

    public long TotalBytesFetched => _fetched.Values.Sum();

    public void Add(string target, long bytes) => _fetched.AddOrUpdate(target, bytes, (_, total) => total + bytes);
}
