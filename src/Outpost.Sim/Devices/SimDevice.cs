using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Outpost.Agent.Identity;
using Outpost.Agent.Sync;
using Outpost.Sim.Reporting;

namespace Outpost.Sim.Devices;

/// <summary>
/// One virtual device: its own enrolled identity and mTLS connection pool (the agent's <see cref="HttpDeviceTransport"/>),
/// driven by the agent's own <see cref="CheckInLoop"/> and <see cref="CheckInSchedule"/> (interval, jitter, backoff,
/// certificate renewal), with a <see cref="SimTransport"/> in between for the scenario.
/// </summary>
internal sealed class SimDevice : IAsyncDisposable
{
    private readonly SimDeviceContext _context;
    private readonly SimIdentity _identity;
    private readonly SimTransport _transport;
    private readonly HttpDeviceTransport _http;
    private readonly CertificateRenewer _renewer;
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;

    public SimDevice(SimDeviceContext context, SimIdentity identity, int siteIndex, SimDeviceProfile profile, double spread)
    {
        _context = context;
        _identity = identity;
        SiteIndex = siteIndex;
        Profile = profile;
        Engine = new SimUpdateEngine(context.Scenario.Install, profile, context.Scenario.InitialRelease);
        Metrics = new SimMetrics(this, context.Scenario, spread);
        var pin = new ServerPin(context.Ca, context.Time);
        _http = new HttpDeviceTransport(context.DeviceApi, pin, identity.Certificate, context.RequestTimeout);
        _transport = new SimTransport(_http, this, identity.Certificate);
        _renewer = new CertificateRenewer(
            identity.Store, context.Ca, identity.Certificate, 0.333, context.Time, NullLogger<CertificateRenewer>.Instance);
    }

    public string Id => _identity.DeviceId;

    public string Site => _identity.Site;

    public int SiteIndex { get; }

    public SimDeviceProfile Profile { get; }

    public SimUpdateEngine Engine { get; }

    public SimMetrics Metrics { get; }

    public SimStats Stats => _context.Stats;

    public TimeProvider Time => _context.Time;

    /// <summary>The last check-in succeeded.</summary>
    public bool Online { get; set; }

    public bool PoweredOff { get; private set; }

    public bool Partitioned(DateTimeOffset now) => _context.IsPartitioned(SiteIndex, now);

    /// <summary>
    /// Starts the agent after <paramref name="delay"/>. <paramref name="booted"/>: the device has just powered on, so
    /// the agent's own start spread applies (its first check-in waits random(0, interval); with --no-jitter every device waits the same, almost the
    /// whole interval, so they still arrive together).
    /// </summary>
    public void Start(TimeSpan delay, int seed, bool booted = false)
    {
        PoweredOff = false;
        _running = new CancellationTokenSource();
        var token = _running.Token;
        // A new agent process: a new schedule (no failure history, the default interval until the server answers).
        var random = _context.Jitter ? new Random(seed) : new NoJitterRandom();
        var schedule = new CheckInSchedule(random, _context.BackoffBase, _context.InitialInterval);
        var loop = new CheckInLoop(
            _transport, SimSnapshotSource.Instance, _renewer, schedule, _context.Scenario.DeviceClass, _context.Time,
            NullLogger<CheckInLoop>.Instance,
            startSpread: booted ? new StartSpread(TimeSpan.Zero, CheckInSchedule.DefaultBootWindow) : null);
        _loop = Task.Run(
            async () =>
            {
                try
                {
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, _context.Time, token);
                    }

                    await loop.RunAsync(token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    // Stopped while waiting to start.
                }
            },
            CancellationToken.None);
    }

    /// <summary>Stops the agent (power cut): no more traffic, and its connections are gone.</summary>
    public async Task StopAsync(bool powerOff)
    {
        if (_running is { } running)
        {
            await running.CancelAsync();
            await _loop;
            running.Dispose();
            _running = null;
        }

        PoweredOff = powerOff;
        Online = false;
        _transport.ResetConnections();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(powerOff: false);
        _http.Dispose();
    }

    internal X509Certificate2 Certificate => _renewer.Current;
}
