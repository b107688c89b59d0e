using Microsoft.Extensions.Options;
using Outpost.Server.Storage;

namespace Outpost.Server.Devices;

/// <summary>
/// Buffers check-ins in memory, one entry per device (the newest wins), and writes them in one transaction per
/// flush. Only last-seen, agent version, device class and snapshot go through here; enrollment, renewal and
/// revocation are written synchronously. See docs/designs/checkin-write-behind.md.
/// </summary>
internal sealed class CheckInWriteBehind(IDeviceStore store, IOptions<DevicesOptions> options, ILogger<CheckInWriteBehind> logger)
    : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private readonly SemaphoreSlim batchFull = new(0, 1);
    private Dictionary<string, DeviceCheckIn> pending = new(StringComparer.Ordinal);

    public int PendingCount
    {
        get
        {
            lock (gate)
            {
                return pending.Count;
            }
        }
    }

    public void Enqueue(DeviceCheckIn checkIn)
    {
        bool full;
        lock (gate)
        {
            pending[checkIn.DeviceId] = checkIn;
            full = pending.Count >= options.Value.CheckInFlushBatchSize;
        }

        if (full && batchFull.CurrentCount == 0)
        {
            try
            {
                batchFull.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another check-in already woke the flusher.
            }
        }
    }

    /// <summary>Completes when the batch size is reached (or the token is cancelled by the flush timer).</summary>
    public Task WaitForFullBatchAsync(CancellationToken cancellationToken) => batchFull.WaitAsync(cancellationToken);

    /// <summary>Writes everything buffered so far. Admin reads call this first, so they see the freshest last-seen.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await flushing.WaitAsync(cancellationToken);
        try
        {
            Dictionary<string, DeviceCheckIn> batch;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    return;
                }

                batch = pending;
                pending = new Dictionary<string, DeviceCheckIn>(StringComparer.Ordinal);
            }

            try
            {
                await store.ApplyCheckInsAsync(batch.Values, cancellationToken);
                Log.Flushed(logger, batch.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Requeue(batch);
                Log.FlushFailed(logger, ex, batch.Count);
                throw;
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    /// <summary>Last chance on shutdown: the host disposes singletons after Kestrel stopped taking requests.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Already logged by FlushAsync; a crash-like loss of at most one flush interval of last-seen times.
        }

        flushing.Dispose();
        batchFull.Dispose();
    }

    private void Requeue(Dictionary<string, DeviceCheckIn> batch)
    {
        lock (gate)
        {
            foreach (var (id, checkIn) in batch)
            {
                pending.TryAdd(id, checkIn);
            }
        }
    }
}
