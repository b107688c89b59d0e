using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Outpost.Agent.Identity;
using Outpost.Agent.Sync;
using Outpost.Agent.Telemetry;
using Outpost.Agent.Updates.Engine;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Sync;

public sealed class CheckInLoopTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset Issued = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _data = new();
    private readonly TestPki _pki = new("Test Fleet CA", Issued);
    private readonly FakeTimeProvider _time = new(Issued.AddDays(1));
    private readonly FakeDeviceTransport _transport;
    private readonly IdentityStore _store;
    private readonly ListLogger<CheckInLoop> _loopLog = new();
    private readonly ListLogger<CertificateRenewer> _renewLog = new();

    public CheckInLoopTests()
    {
        _transport = new FakeDeviceTransport(_time);
        _store = new IdentityStore(_data.Path);
        var (key, cert) = _pki.NewDevice("dev-1", Issued, Issued.AddDays(30));
        _store.CommitPair(key, cert);
        _store.WriteCa(_pki.CaPem);
        _transport.RenewResponder = request => DeviceCallResult<CertificateRenewalResponse>.Ok(new CertificateRenewalResponse
        {
            CertificatePem = _pki.IssueDevicePem(request.CsrPem, "dev-1", _time.GetUtcNow(), _time.GetUtcNow().AddDays(30)),
            NotAfter = _time.GetUtcNow().AddDays(30),
        });
    }

    [Fact]
    public async Task RunAsync_SystemJustBooted_FirstCheckInWaitsItsSpreadThenRunsAsUsual()
    {
        var (loop, _) = CreateLoop(seed: 7, new StartSpread(TimeSpan.FromSeconds(20), CheckInSchedule.DefaultBootWindow));
        var expected = new CheckInSchedule(new Random(7), TimeSpan.FromSeconds(1), Interval).AtStart(TimeSpan.FromSeconds(20), CheckInSchedule.DefaultBootWindow);
        var waits = Channel.CreateUnbounded<TimeSpan>();
        loop.Waiting += d => waits.Writer.TryWrite(d);
        using var stop = new CancellationTokenSource();
        var run = loop.RunAsync(stop.Token);

        Assert.Equal(expected, await NextWait(waits));
        Assert.True(expected > TimeSpan.Zero);
        Assert.Contains(_loopLog.Entries, e => e.Message.Contains("first check-in in", StringComparison.Ordinal));
        _time.Advance(expected - TimeSpan.FromMilliseconds(1));
        Assert.Empty(_transport.CheckIns);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.InRange(await NextWait(waits), Interval * 0.8, Interval);
        Assert.Single(_transport.CheckIns);

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_AgentRestartedOnARunningSystem_ChecksInAtOnce()
    {
        var (loop, _) = CreateLoop(seed: 7, new StartSpread(TimeSpan.FromHours(3), CheckInSchedule.DefaultBootWindow));
        var waits = Channel.CreateUnbounded<TimeSpan>();
        loop.Waiting += d => waits.Writer.TryWrite(d);
        using var stop = new CancellationTokenSource();
        var run = loop.RunAsync(stop.Token);

        await NextWait(waits);
        Assert.Single(_transport.CheckIns);
        Assert.DoesNotContain(_loopLog.Entries, e => e.Message.Contains("first check-in in", StringComparison.Ordinal));

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_ServerDownThenBack_BacksOffWithinCapAndChecksInWithinOneIntervalOfRecovery()
    {
        var (loop, renewer) = CreateLoop(seed: 42);
        var waits = Channel.CreateUnbounded<TimeSpan>();
        loop.Waiting += d => waits.Writer.TryWrite(d);
        using var stop = new CancellationTokenSource();
        var run = loop.RunAsync(stop.Token);

        var first = await NextWait(waits);
        Assert.True(_transport.CheckIns.Single().Succeeded);
        Assert.InRange(first, Interval * 0.8, Interval);

        _transport.Mode = FakeDeviceTransport.ServerMode.Down;
        _time.Advance(first);
        var failureDelays = new List<TimeSpan>();
        for (var i = 0; i < 9; i++)
        {
            var delay = await NextWait(waits);
            failureDelays.Add(delay);
            Assert.InRange(delay, TimeSpan.Zero, Interval);
            if (i < 8)
            {
                _time.Advance(delay);
            }
        }

        Assert.Equal(10, _transport.CheckIns.Count);
        Assert.All(_transport.CheckIns.Skip(1), c => Assert.False(c.Succeeded));
        Assert.True(failureDelays.Skip(5).Max() > failureDelays.Take(3).Max(), "backoff must grow");
        Assert.True(failureDelays.Take(3).Max() <= TimeSpan.FromSeconds(4), "first retries are quick");

        // Worst case: the server returns just after the agent started its longest wait.
        _transport.Mode = FakeDeviceTransport.ServerMode.Up;
        var backAt = _time.GetUtcNow();
        _time.Advance(failureDelays[^1]);
        await NextWait(waits);

        var recovered = _transport.CheckIns[^1];
        Assert.True(recovered.Succeeded);
        Assert.True(recovered.At - backAt <= Interval);
        Assert.Contains(_loopLog.Entries, e => e.Id.Id == 1004);

        await stop.CancelAsync();
        await run;
        Assert.Contains(_loopLog.Entries, e => e.Id.Id == 1001);
        Assert.False(renewer.IsDue());
    }

    [Fact]
    public async Task RunAsync_TwoAgentsWithServerDown_RetryAtDifferentTimes()
    {
        var a = await FailureDelays(seed: 1);
        var b = await FailureDelays(seed: 2);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task CheckInOnceAsync_Revoked_LogsCriticalAndWaitsFullInterval()
    {
        var (loop, _) = CreateLoop(seed: 5);
        _transport.Mode = FakeDeviceTransport.ServerMode.Revoked;

        var first = await loop.CheckInOnceAsync(CancellationToken.None);
        var second = await loop.CheckInOnceAsync(CancellationToken.None);

        Assert.Equal(Interval, first);
        Assert.Equal(Interval, second);
        Assert.Equal(2, _transport.CheckIns.Count);
        Assert.Equal(2, _loopLog.Entries.Count(e => e.Level == LogLevel.Critical && e.Id.Id == 1005));
        Assert.Contains("device revoked", _loopLog.Entries.First(e => e.Id.Id == 1005).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInOnceAsync_Unauthorized_LogsErrorWithExpiryAndWaitsFullInterval()
    {
        var (loop, _) = CreateLoop(seed: 5);
        _transport.Mode = FakeDeviceTransport.ServerMode.Unauthorized;

        Assert.Equal(Interval, await loop.CheckInOnceAsync(CancellationToken.None));

        var entry = Assert.Single(_loopLog.Entries, e => e.Id.Id == 1006);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("certificate expired", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckInOnceAsync_CertificateNearExpiry_RenewsWithNewKeyAndSwapsCertificate()
    {
        _time.SetUtcNow(Issued.AddDays(25));
        var (loop, renewer) = CreateLoop(seed: 5);
        var oldKey = File.ReadAllText(_store.KeyPath);
        Assert.True(renewer.IsDue());

        await loop.CheckInOnceAsync(CancellationToken.None);

        Assert.Single(_transport.Renewals);
        var swapped = Assert.Single(_transport.ClientCertificates);
        Assert.True(swapped.HasPrivateKey);
        Assert.NotEqual(oldKey, File.ReadAllText(_store.KeyPath));
        Assert.True(IdentityStore.PemPairMatches(File.ReadAllText(_store.CertificatePath), File.ReadAllText(_store.KeyPath)));
        using var onDisk = _store.LoadClientCertificate();
        Assert.Equal(swapped.Thumbprint, onDisk.Thumbprint);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.KeyPath));
        Assert.False(renewer.IsDue());
        Assert.Single(_transport.CheckIns);
    }

    [Fact]
    public async Task CheckInOnceAsync_CertificateFresh_DoesNotRenew()
    {
        _time.SetUtcNow(Issued.AddDays(19));
        var (loop, _) = CreateLoop(seed: 5);

        await loop.CheckInOnceAsync(CancellationToken.None);

        Assert.Empty(_transport.Renewals);
        Assert.Single(_transport.CheckIns);
    }

    [Fact]
    public async Task CheckInOnceAsync_RenewalReturnsCertificateForAnotherKey_KeepsCurrentIdentity()
    {
        _time.SetUtcNow(Issued.AddDays(25));
        var (loop, renewer) = CreateLoop(seed: 5);
        var before = File.ReadAllText(_store.CertificatePath);
        _transport.RenewResponder = _ => DeviceCallResult<CertificateRenewalResponse>.Ok(new CertificateRenewalResponse
        {
            CertificatePem = _pki.NewDevice("dev-1", Issued, Issued.AddDays(60)).CertificatePem,
            NotAfter = Issued.AddDays(60),
        });

        await loop.CheckInOnceAsync(CancellationToken.None);

        Assert.Equal(before, File.ReadAllText(_store.CertificatePath));
        Assert.Empty(_transport.ClientCertificates);
        Assert.Contains(_renewLog.Entries, e => e.Id.Id == 1103);
        Assert.True(renewer.IsDue());
        Assert.Single(_transport.CheckIns);
    }

    [Fact]
    public async Task CheckInOnceAsync_RenewalDueWhileServerDown_KeepsRetryingWithoutSwapping()
    {
        _time.SetUtcNow(Issued.AddDays(25));
        var (loop, _) = CreateLoop(seed: 5);
        _transport.Mode = FakeDeviceTransport.ServerMode.Down;

        await loop.CheckInOnceAsync(CancellationToken.None);
        await loop.CheckInOnceAsync(CancellationToken.None);

        Assert.Equal(2, _transport.Renewals.Count);
        Assert.Empty(_transport.ClientCertificates);
        Assert.Equal(2, _renewLog.Entries.Count(e => e.Id.Id == 1102));
    }

    [Fact]
    public async Task CheckInOnceAsync_Always_ReportsSnapshotAndDeviceClass()
    {
        var (loop, _) = CreateLoop(seed: 5);

        await loop.CheckInOnceAsync(CancellationToken.None);

        var request = _transport.CheckIns.Single().Request;
        Assert.Equal("test-class", request.DeviceClass);
        Assert.Equal(4, request.System.CpuCount);
        Assert.False(string.IsNullOrEmpty(request.AgentVersion));
    }

    public void Dispose()
    {
        _pki.Dispose();
        _data.Dispose();
    }

    private async Task<TimeSpan[]> FailureDelays(int seed)
    {
        var (loop, _) = CreateLoop(seed);
        _transport.Mode = FakeDeviceTransport.ServerMode.Down;
        var delays = new TimeSpan[6];
        for (var i = 0; i < delays.Length; i++)
        {
            delays[i] = await loop.CheckInOnceAsync(CancellationToken.None);
        }

        return delays;
    }

    [Fact]
    public async Task CheckInOnceAsync_WithUpdateEngine_ReportsItsStatusAndHandsItTheDesiredRelease()
    {
        var updates = new StubUpdates
        {
            Status = new UpdateStatus(
                new UpdateReport { Release = "app@2", State = UpdateState.HealthCheck, At = _time.GetUtcNow() }, "app@1", "app@0"),
        };
        var renewer = new CertificateRenewer(
            _store, X509CertificateLoader.LoadCertificate(_pki.Ca.RawData), _store.LoadClientCertificate(), 1.0 / 3, _time, _renewLog);
        var loop = new CheckInLoop(_transport, new FixedSnapshot(), renewer, new CheckInSchedule(new Random(1), TimeSpan.FromSeconds(1), Interval),
            "test-class", _time, _loopLog, updates);
        _transport.Desired = new DesiredState { ReleaseId = "app@2" };

        await loop.CheckInOnceAsync(CancellationToken.None);

        var request = _transport.CheckIns.Single().Request;
        Assert.Equal(("app@1", "app@0", UpdateState.HealthCheck), (request.CurrentRelease, request.PreviousRelease, request.Update!.State));
        Assert.Equal(["app@2"], updates.Desired);
    }

    private sealed class StubUpdates : IUpdateStatusSource
    {
        public UpdateStatus Status { get; init; } = UpdateStatus.None;

        public List<string?> Desired { get; } = [];

        public void OnDesired(string? releaseId) => Desired.Add(releaseId);
    }

    private (CheckInLoop Loop, CertificateRenewer Renewer) CreateLoop(int seed, StartSpread? startSpread = null)
    {
        var renewer = new CertificateRenewer(
            _store, X509CertificateLoader.LoadCertificate(_pki.Ca.RawData), _store.LoadClientCertificate(), 1.0 / 3, _time, _renewLog);
        var schedule = new CheckInSchedule(new Random(seed), TimeSpan.FromSeconds(1), Interval);
        var loop = new CheckInLoop(_transport, new FixedSnapshot(), renewer, schedule, "test-class", _time, _loopLog, startSpread: startSpread);
        return (loop, renewer);
    }

    private static async Task<TimeSpan> NextWait(Channel<TimeSpan> waits)
    {
        // A safety net against a hung loop, not a wait for something to happen: the loop signals each wait.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await waits.Reader.ReadAsync(guard.Token);
    }

    private sealed class FixedSnapshot : ISystemSnapshotSource
    {
        public SystemSnapshot Read() => new() { CpuCount = 4 };
    }
}
