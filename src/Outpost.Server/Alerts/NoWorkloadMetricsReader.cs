using Outpost.Server.Telemetry;

namespace Outpost.Server.Alerts;

/// <summary>Stand-in until telemetry ingest registers its <see cref="IWorkloadMetricsReader"/>: no device has samples.</summary>
internal sealed class NoWorkloadMetricsReader : IWorkloadMetricsReader
{
    public Task<IReadOnlyDictionary<string, double>> MeanByDeviceAsync(
        string metric, IReadOnlyCollection<string> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, double>>(new Dictionary<string, double>());
}
