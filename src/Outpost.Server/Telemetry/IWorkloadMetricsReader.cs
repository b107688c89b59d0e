namespace Outpost.Server.Telemetry;

/// <summary>
/// Workload metrics devices uploaded (telemetry ingest), read by rollout gates: how the updated cohort runs against
/// absolute bounds and against the not-yet-updated control cohort.
/// </summary>
internal interface IWorkloadMetricsReader
{
    /// <summary>
    /// Per device, the sample-weighted mean of metric <paramref name="metric"/> over the windows that ended in
    /// [<paramref name="from"/>, <paramref name="to"/>). Devices with no sample in that range are absent from the result.
    /// </summary>
    Task<IReadOnlyDictionary<string, double>> MeanByDeviceAsync(
        string metric, IReadOnlyCollection<string> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
