using Outpost.Protocol.Telemetry;
using Prometheus;

namespace Outpost.Server.Observability;

/// <summary>
/// The server's own Prometheus registry and the counters that request handlers increment. A custom registry (not
/// prometheus-net's static default) so tests can run several servers in one process and only our series are exposed.
/// </summary>
internal sealed class ServerMetrics
{
    public ServerMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        CheckIns = factory.CreateCounter("outpost_checkins_total", "Device check-ins accepted.");
        Batches = factory.CreateCounter("outpost_telemetry_batches_total", "Telemetry batches acknowledged, by stream.", "stream");
        Records = factory.CreateCounter("outpost_telemetry_records_total", "Telemetry records stored (new), by stream.", "stream");
        Duplicates = factory.CreateCounter(
            "outpost_telemetry_duplicate_records_total", "Telemetry records received again after they were stored (ignored), by stream.", "stream");
        IngestErrors = factory.CreateCounter(
            "outpost_telemetry_ingest_errors_total", "Telemetry uploads refused, by reason.", "reason");
        Factory = factory;
    }

    public CollectorRegistry Registry { get; }

    public IMetricFactory Factory { get; }

    public Counter CheckIns { get; }

    public Counter IngestErrors { get; }

    private Counter Batches { get; }

    private Counter Records { get; }

    private Counter Duplicates { get; }

    public void Ingested(TelemetryChannel stream, int stored, int duplicates)
    {
        var label = Label(stream);
        Batches.WithLabels(label).Inc();
        Records.WithLabels(label).Inc(stored);
        Duplicates.WithLabels(label).Inc(duplicates);
    }

    /// <summary>Counts a refused upload by its HTTP status.</summary>
    public void Refused(int status) => IngestErrors.WithLabels(status switch
    {
        StatusCodes.Status400BadRequest => "bad_request",
        StatusCodes.Status401Unauthorized => "unauthenticated",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
        _ => "other",
    }).Inc();

    public static string Label(TelemetryChannel stream) => stream.ToString().ToLowerInvariant();
}
