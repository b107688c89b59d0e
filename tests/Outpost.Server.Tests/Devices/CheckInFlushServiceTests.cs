using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outpost.Server.Devices;
using Outpost.Server.Storage;

namespace Outpost.Server.Tests.Devices;

public sealed class CheckInFlushServiceTests
{
    [Fact]
    public async Task ExecuteAsync_FlushIntervalElapses_WritesPendingCheckIns()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero));
        var store = new CountingStore();
        var options = Options.Create(new DevicesOptions { CheckInFlushInterval = TimeSpan.FromSeconds(1), CheckInFlushBatchSize = 1000 });
        await using var buffer = new CheckInWriteBehind(store, options, NullLogger<CheckInWriteBehind>.Instance);
        using var service = new CheckInFlushService(buffer, options, time);
        await service.StartAsync(TestContext.Current.CancellationToken);
        buffer.Enqueue(new DeviceCheckIn("a", time.GetUtcNow(), "1", "c", "{}"));

        Assert.Equal(0, store.Written);
        // ExecuteAsync runs on a background thread (.NET 10), so its timer may be armed after any given Advance:
        // keep advancing the fake clock by one interval until the flush shows up, with a generous real deadline.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (store.Written == 0 && DateTime.UtcNow < deadline)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        var writtenByTimer = store.Written; // read before StopAsync, which flushes too
        await service.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, writtenByTimer);
    }

    private sealed class CountingStore : IDeviceStore
    {
        private int written;

        public int Written => Volatile.Read(ref written);

        public Task ApplyCheckInsAsync(IReadOnlyCollection<DeviceCheckIn> checkIns, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref written, checkIns.Count);
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
