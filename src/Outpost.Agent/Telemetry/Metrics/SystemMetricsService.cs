using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Metrics;

/// <summary>
/// Samples the system every SampleInterval and, once a second, moves closed aggregation windows (system and
/// workload metrics alike) into the outbox's Metrics channel in one batched append. On shutdown the open windows
/// are closed early so their samples are not lost.
/// </summary>
internal sealed class SystemMetricsService(
    SystemMetricsSampler sampler,
    MetricAggregator aggregator,
    TelemetryOutbox outbox,
    TelemetryOptions options,
    TimeProvider time,
    ILogger<SystemMetricsService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextSample = time.GetUtcNow();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                if (now >= nextSample)
                {
                    SampleSafely();
                    nextSample = now + options.SampleInterval;
                }

                Flush(all: false);
                var wait = nextSample - time.GetUtcNow();
                await Task.Delay(wait < Tick ? (wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : Tick, time, stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }

        Flush(all: true);
    }

    private void SampleSafely()
    {
        try
        {
            sampler.Sample();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            Log.SampleFailed(logger, ex.Message);
        }
    }

    private void Flush(bool all)
    {
        var closed = aggregator.TakeClosed(all);
        if (closed.Count == 0)
        {
            return;
        }

        try
        {
            outbox.Append(TelemetryChannel.Metrics, closed);
        }
        catch (SqliteException ex)
        {
            Log.OutboxFailed(logger, ex.Message);
        }
    }
}
