using Outpost.Server.Telemetry;

namespace Outpost.Server.Rollouts;

/// <summary>Stands in until telemetry ingest registers the real reader: metric gates then see no data and are not judged.</summary>
internal sealed class NoWorkloadMetrics : IWorkloadMetricsReader
{
    public Task<IReadOnlyDictionary<string, double>> MeanByDeviceAsync(
        string metric, IReadOnlyCollection<string> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, double>>(new Dictionary<string, double>());
}
