using System.Buffers;
using System.IO.Compression;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Outpost.Agent.Sync;
using Outpost.Agent.Telemetry.Outbox;
using Outpost.Protocol.Telemetry;

namespace Outpost.Agent.Telemetry.Upload;

/// <summary>
/// Drains the outbox to <c>POST /v1/device/telemetry</c>: one channel per batch, events before metrics before logs,
/// records in sequence order, gzip. Rows are deleted only up to the server's <c>storedThrough</c>, so a batch whose
/// answer was lost is sent again and the server ignores what it already stored. Offline, data waits in the outbox
/// (within its quotas) and the uploader backs off with full jitter.
/// </summary>
internal sealed class TelemetryUploader(
    TelemetryOutbox outbox,
    ITelemetryTransport transport,
    FullJitterBackoff backoff,
    BatchSizer sizer,
    TimeSpan uploadInterval,
    TimeProvider time,
    ILogger<TelemetryUploader> logger) : BackgroundService
{
    private readonly ArrayBufferWriter<byte> _json = new(64 * 1024);
    private readonly MemoryStream _gzip = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await UploadPendingAsync(stoppingToken);
            }
            catch (SqliteException ex)
            {
                Log.OutboxFailed(logger, ex.Message);
                wait = backoff.Next();
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: housekeeping, then batches until the outbox is empty or the server fails; returns the wait before the next round.</summary>
    public async Task<TimeSpan> UploadPendingAsync(CancellationToken cancellationToken)
    {
        outbox.Expire();
        if (outbox.ReportDrops() is > 0 and var reported)
        {
            Log.OutboxDropped(logger, reported);
        }

        while (NextChannel() is { } channel)
        {
            var batch = outbox.Read(channel, sizer.Records, BatchSizer.Bytes);
            if (batch is null)
            {
                continue;
            }

            var started = time.GetTimestamp();
            var size = Compress(batch);
            var result = await transport.UploadAsync(_gzip.GetBuffer().AsMemory(0, size), cancellationToken);
            var elapsed = time.GetElapsedTime(started);
            switch (result.Status)
            {
                case DeviceCallStatus.Ok when result.Value!.Stream == channel && Acknowledged(batch, result.Value.StoredThrough):
                    backoff.Reset();
                    sizer.Succeeded(batch.Rows.Count, elapsed);
                    Log.BatchUploaded(logger, batch.Rows.Count, channel, size, elapsed, result.Value.StoredThrough);
                    break;
                case DeviceCallStatus.Refused:
                    Refused(batch, result.Detail);
                    break;
                case DeviceCallStatus.Revoked:
                    Log.UploadRevoked(logger, result.Detail, backoff.Max);
                    return backoff.Max;
                default:
                    sizer.Failed();
                    var delay = backoff.Next();
                    Log.UploadUnavailable(logger, backoff.Failures, result.Detail ?? "the answer acknowledged nothing of the batch", delay);
                    return delay;
            }
        }

        return uploadInterval;
    }

    private TelemetryChannel? NextChannel()
    {
        foreach (var channel in TelemetryOutbox.PriorityOrder)
        {
            if (outbox.Stats(channel).Records > 0)
            {
                return channel;
            }
        }

        return null;
    }

    private bool Acknowledged(OutboxBatch batch, long storedThrough)
    {
        var ack = outbox.Acknowledge(batch.Channel, storedThrough);
        if (ack.Renumbered > 0)
        {
            Log.OutboxRenumbered(logger, batch.Channel, storedThrough, ack.Renumbered);
        }

        // A server that stored nothing of the batch would have us loop on it; count it as a failure instead.
        return ack.Deleted > 0 || ack.Renumbered > 0;
    }

    // A 4xx for a whole batch (too large, or one bad record) is bisected down to the record the server refuses on its
    // own; that one is dropped and counted, so a single poison record cannot stop a channel for good.
    private void Refused(OutboxBatch batch, string? detail)
    {
        if (batch.Rows.Count > 1)
        {
            Log.BatchRefused(logger, batch.Rows.Count, batch.Channel, detail);
            sizer.Shrink(batch.Rows.Count);
            return;
        }

        Log.PoisonRecordDropped(logger, batch.Channel, batch.Rows[0].Sequence, detail);
        outbox.DropRecord(batch.Channel, batch.Rows[0].Sequence);
    }

    private int Compress(OutboxBatch batch)
    {
        _json.ResetWrittenCount();
        TelemetryBatchWriter.Write(_json, batch);
        _gzip.SetLength(0);
        using (var gzip = new GZipStream(_gzip, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(_json.WrittenSpan);
        }

        return (int)_gzip.Length;
    }

    public override void Dispose()
    {
        _gzip.Dispose();
        base.Dispose();
    }
}
