using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Outpost.Server.Devices;
using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Devices;

public sealed class CheckInWriteBehindTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FlushAsync_SeveralCheckInsOfOneDevice_WritesOnlyTheNewestInOneBatch()
    {
        var store = new RecordingStore();
        await using var buffer = Create(store, batchSize: 100);

        buffer.Enqueue(new DeviceCheckIn("a", T0, "1", "c", "{}"));
        buffer.Enqueue(new DeviceCheckIn("b", T0, "1", "c", "{}"));
        buffer.Enqueue(new DeviceCheckIn("a", T0.AddSeconds(30), "2", "c", "{}"));
        await buffer.FlushAsync(TestContext.Current.CancellationToken);

        var batch = Assert.Single(store.Batches);
        Assert.Equal(2, batch.Count);
        Assert.Equal(("2", T0.AddSeconds(30)), batch.Where(c => c.DeviceId == "a").Select(c => (c.AgentVersion, c.SeenAt)).Single());
        Assert.Equal(0, buffer.PendingCount);
    }

    [Fact]
    public async Task FlushAsync_NothingPending_DoesNotTouchTheStore()
    {
        var store = new RecordingStore();
        await using var buffer = Create(store, batchSize: 100);

        await buffer.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Empty(store.Batches);
    }

    [Fact]
    public async Task FlushAsync_StoreFails_KeepsEntriesButNewerCheckInsWin()
    {
        var store = new RecordingStore { FailNext = true };
        await using var buffer = Create(store, batchSize: 100);
        buffer.Enqueue(new DeviceCheckIn("a", T0, "1", "c", "{}"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => buffer.FlushAsync(TestContext.Current.CancellationToken));
        buffer.Enqueue(new DeviceCheckIn("b", T0, "1", "c", "{}"));
        await buffer.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["a", "b"], store.Batches.Single().Select(c => c.DeviceId).Order());
    }

    [Fact]
    public async Task Enqueue_BatchSizeReached_WakesTheFlusher()
    {
        await using var buffer = Create(new RecordingStore(), batchSize: 2);
        var woken = buffer.WaitForFullBatchAsync(TestContext.Current.CancellationToken);

        buffer.Enqueue(new DeviceCheckIn("a", T0, "1", "c", "{}"));
        Assert.False(woken.IsCompleted);
        buffer.Enqueue(new DeviceCheckIn("b", T0, "1", "c", "{}"));

        await woken;
    }

    [Fact]
    public async Task DisposeAsync_Pending_FlushesOnShutdown()
    {
        var store = new RecordingStore();
        var buffer = Create(store, batchSize: 100);
        buffer.Enqueue(new DeviceCheckIn("a", T0, "1", "c", "{}"));

        await buffer.DisposeAsync();

        Assert.Single(store.Batches);
    }

    private static CheckInWriteBehind Create(IDeviceStore store, int batchSize) =>
        new(store, Options.Create(new DevicesOptions { CheckInFlushBatchSize = batchSize }), NullLogger<CheckInWriteBehind>.Instance);

    private sealed class RecordingStore : IDeviceStore
    {
        public List<List<DeviceCheckIn>> Batches { get; } = [];

        public bool FailNext { get; set; }

        public Task ApplyCheckInsAsync(IReadOnlyCollection<DeviceCheckIn> checkIns, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("database down");
            }

            Batches.Add([.. checkIns]);
            return Task.CompletedTask;
        }

        public Task<EnrollOutcome> EnrollAsync(DeviceRecord device, string enrollmentTokenId, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DeviceRecord?> GetAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DeviceCredential?> GetCredentialAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> SetDesiredReleaseAsync(string id, string? release, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> SetDesiredReleasesAsync(IReadOnlyCollection<string> ids, string? release, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyDictionary<string, DeviceRolloutState>> GetRolloutStatesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DeviceRolloutState>> ListRolloutCandidatesAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DevicePage> ListAsync(DeviceQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> ReplaceCertificateAsync(string id, string newSerial, DateTimeOffset notAfter, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
