using Outpost.Protocol.Telemetry;

namespace Outpost.Server.Storage;

/// <summary>Telemetry streams, events, logs and metric windows uploaded by devices.</summary>
internal interface ITelemetryStore
{
    /// <summary>
    /// In one transaction: stores the records with a sequence above the stream's stored maximum, raises the maximum,
    /// records the cumulative drops. Records at or below the maximum are duplicates and only counted.
    /// </summary>
    Task<TelemetryIngestResult> IngestAsync(
        string deviceId, TelemetryBatch batch, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<TelemetryStreamState>> GetStreamsAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> events or logs of a device, newest first.</summary>
    Task<IReadOnlyList<TelemetryEntryRecord>> GetEntriesAsync(
        string deviceId, TelemetryChannel channel, int limit, CancellationToken cancellationToken);

    /// <summary>Windows of one metric (every attribute set, every resolution) that ended in [from, to), oldest first.</summary>
    Task<IReadOnlyList<MetricWindowRecord>> GetSeriesAsync(
        string deviceId, string name, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);

    /// <summary>The newest window of every metric (and attribute set) of one device.</summary>
    Task<IReadOnlyList<MetricWindowRecord>> GetLatestAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>The newest window of the given metrics for every device (Prometheus).</summary>
    Task<IReadOnlyList<MetricWindowRecord>> GetLatestForMetricsAsync(
        IReadOnlyCollection<string> names, CancellationToken cancellationToken);

    /// <summary>Every stream of every device (Prometheus: drops per device).</summary>
    Task<IReadOnlyList<TelemetryStreamState>> GetAllStreamsAsync(CancellationToken cancellationToken);

    /// <summary>Per device, the count-weighted mean of <paramref name="name"/> over windows that ended in [from, to).</summary>
    Task<IReadOnlyDictionary<string, double>> MeanByDeviceAsync(
        string name, IReadOnlyCollection<string> deviceIds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Downsamples and deletes what <paramref name="policy"/> says is old or over quota, as of <paramref name="now"/>.</summary>
    Task<RetentionResult> CompactAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken cancellationToken);
}
