using System.Collections.Concurrent;
using Outpost.Server.Telemetry;

namespace Outpost.Server.Tests.Alerts;

/// <summary>Canned per-device means per metric; records every query so tests can check the window asked for.</summary>
internal sealed class FakeMetricsReader : IWorkloadMetricsReader
{
    public ConcurrentDictionary<string, Dictionary<string, double>> Means { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Metric, IReadOnlyCollection<string> Devices, DateTimeOffset From, DateTimeOffset To)> Queries { get; } = new();

    public bool Fail { get; set; }

    public void Set(string metric, string deviceId, double mean) =>
        Means.GetOrAdd(metric, _ => new Dictionary<string, double>(StringComparer.Ordinal))[deviceId] = mean;

    public Task<IReadOnlyDictionary<string, double>> MeanByDeviceAsync(
        string metric, IReadOnlyCollection<string> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new InvalidOperationException("metrics store unavailable");
        }

        Queries.Enqueue((metric, deviceIds, from, to));
        var values = Means.TryGetValue(metric, out var perDevice)
            ? perDevice.Where(p => deviceIds.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : [];
        return Task.FromResult<IReadOnlyDictionary<string, double>>(values);
    }
}
