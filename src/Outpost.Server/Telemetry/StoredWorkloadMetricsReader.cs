using Outpost.Server.Storage;

namespace Outpost.Server.Telemetry;

/// <summary><see cref="IWorkloadMetricsReader"/> over the metric windows devices uploaded (raw and rolled up alike).</summary>
internal sealed class StoredWorkloadMetricsReader(ITelemetryStore store) : IWorkloadMetricsReader
{
    public Task<IReadOnlyDictionary<string, double>> MeanByDeviceAsync(
        string metric, IReadOnlyCollection<string> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        store.MeanByDeviceAsync(metric, deviceIds, from, to, cancellationToken);
}
