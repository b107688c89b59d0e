using Outpost.Server.Telemetry;

namespace Outpost.Server.Tests.Rollouts;

/// <summary>Workload metrics as telemetry would report them: a value per (metric, device), or none.</summary>
internal sealed class FakeWorkloadMetrics : IWorkloadMetricsReader
{
    public Func<string, string, double?> Value { get; set; } = (_, _) => null;

    public List<(string Metric, int Devices, DateTimeOffset From, DateTimeOffset To)> Calls { get; } = [];

    public Task<IReadOnlyDictionary<string, double>> MeanByDeviceAsync(
        string metric, IReadOnlyCollection<string> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        lock (Calls)
        {
            Calls.Add((metric, deviceIds.Count, from, to));
        }

        var values = new Dictionary<string, double>();
        foreach (var id in deviceIds)
        {
            if (Value(metric, id) is { } value)
            {
                values[id] = value;
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, double>>(values);
    }
}
