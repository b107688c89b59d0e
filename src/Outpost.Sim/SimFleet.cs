using Outpost.Agent.Identity;
using Outpost.Sim.Devices;
using Outpost.Sim.Enrollment;
using Outpost.Sim.Reporting;
using Outpost.Sim.Scenarios;

namespace Outpost.Sim;

/// <summary>
/// Thousands of virtual agents in one process against a real server: each with its own enrolled identity and mTLS
/// connection, each running the agent's own check-in loop. Used by <c>outpost sim</c> and in-process by tests.
/// <code>
/// await using var fleet = await SimFleet.CreateAsync(options);
/// fleet.Start();
/// ... fleet.Devices, fleet.Sample(), fleet.Summary() ...
/// await fleet.StopAsync();
/// </code>
/// </summary>
public sealed class SimFleet : IAsyncDisposable
{
    private static readonly TimeSpan ControlPeriod = TimeSpan.FromMilliseconds(100);

    private readonly SimFleetOptions _options;
    private readonly List<SimDevice> _devices = [];
    private readonly SimStats _stats;
    private readonly List<SimOfflineWindow>[] _windowsBySite;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _stoppedAt;
    private CancellationTokenSource? _control;
    private Task _controlLoop = Task.CompletedTask;
    private int _restarts;

    private SimFleet(SimFleetOptions options)
    {
        _options = options;
        var sites = options.Scenario.Sites.Select(s => s.Name).ToList();
        _stats = new SimStats(sites);
        _windowsBySite = [.. sites.Select(site => options.Scenario.Offline.Where(w => w.Sites.Count == 0 || w.Sites.Contains(site)).ToList())];
    }

    /// <summary>Devices enrolled by this run (the rest were loaded from the state directory).</summary>
    public int Enrolled { get; private set; }

    /// <summary>Number of virtual devices.</summary>
    public int Count => _devices.Count;

    /// <summary>Time since <see cref="Start"/> (until <see cref="StopAsync"/>).</summary>
    public TimeSpan Elapsed => _startedAt is { } started ? (_stoppedAt ?? _options.Time.GetUtcNow()) - started : TimeSpan.Zero;

    /// <summary>Pins the server's CA by fingerprint, then loads or enrolls every device. Nothing checks in yet.</summary>
    public static async Task<SimFleet> CreateAsync(
        SimFleetOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        SimScenarioValidator.Validate(options.Scenario);
        var (ca, error) = await CaDiscovery.FindAsync(options.DeviceApi, options.CaFingerprint, cancellationToken);
        if (ca is null)
        {
            throw new SimFleetException(error ?? "the fleet CA could not be pinned");
        }

        var fleet = new SimFleet(options);
        var (identities, enrolled) = await FleetEnroller.LoadOrEnrollAsync(options, ca, progress, cancellationToken);
        fleet.Enrolled = enrolled;
        var context = new SimDeviceContext(
            options.Scenario, options.DeviceApi, ca, options.Time, fleet._stats, options.Jitter, options.CheckInInterval,
            options.BackoffBase, options.RequestTimeout, fleet.IsPartitioned);
        var siteIndex = options.Scenario.Sites.Select((s, i) => (s.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var random = new Random(options.Seed);
        // Scenario order (site by site, then index), whichever devices came from the cache and which were enrolled now.
        identities = [.. identities.OrderBy(i => siteIndex[i.Site]).ThenBy(i => i.IndexInSite)];
        var profiles = SimDeviceProfile.ForFleet(options.Scenario, [.. identities.Select(i => i.Site)]);
        for (var i = 0; i < identities.Count; i++)
        {
            var spread = (random.NextDouble() - 0.5) * 0.02;
            fleet._devices.Add(new SimDevice(context, identities[i], siteIndex[identities[i].Site], profiles[i], spread));
        }

        return fleet;
    }

    /// <summary>The devices, in scenario order (site by site).</summary>
    public IReadOnlyList<SimDeviceView> Devices
    {
        get
        {
            var now = _options.Time.GetUtcNow();
            return [.. _devices.Select(d => new SimDeviceView
            {
                Id = d.Id,
                Site = d.Site,
                Online = d.Online && !IsOffline(d, now),
                Offline = IsOffline(d, now),
                CurrentRelease = d.Engine.Current,
                PreviousRelease = d.Engine.Previous,
                Update = d.Engine.Report,
            })];
        }
    }

    /// <summary>Starts every agent, spread evenly over the start spread, and the offline-window controller.</summary>
    public void Start()
    {
        if (_startedAt is not null)
        {
            throw new InvalidOperationException("the fleet is already started");
        }

        _startedAt = _options.Time.GetUtcNow();
        if (_options.MeasureFrom is { } from)
        {
            var windowStart = _startedAt.Value + from;
            var windowEnd = _options.MeasureUntil is { } until ? _startedAt.Value + until : DateTimeOffset.MaxValue;
            _stats.MeasureWhile(() => _options.Time.GetUtcNow() is var now && now >= windowStart && now < windowEnd);
        }

        var spread = _options.StartSpread ?? _options.CheckInInterval;
        for (var i = 0; i < _devices.Count; i++)
        {
            _devices[i].Start(spread * i / _devices.Count, _options.Seed + i);
        }

        _control = new CancellationTokenSource();
        _controlLoop = ControlAsync(_control.Token);
    }

    /// <summary>Runs for <paramref name="duration"/>, calling <paramref name="onSample"/> every <paramref name="sampleEvery"/>.</summary>
    public async Task RunAsync(TimeSpan duration, TimeSpan sampleEvery, Action<SimTimelineEntry>? onSample, CancellationToken cancellationToken)
    {
        if (_startedAt is null)
        {
            Start();
        }

        var end = _startedAt!.Value + duration;
        try
        {
            while (_options.Time.GetUtcNow() < end)
            {
                var wait = TimeSpan.FromTicks(Math.Min(sampleEvery.Ticks, (end - _options.Time.GetUtcNow()).Ticks));
                await Task.Delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, _options.Time, cancellationToken);
                onSample?.Invoke(Sample());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: stop early, the summary still covers what ran.
        }
    }

    /// <summary>The fleet now; check-ins and errors counted since the previous sample.</summary>
    public SimTimelineEntry Sample()
    {
        var now = _options.Time.GetUtcNow();
        var (checkIns, errors, latencies) = _stats.TakeTick();
        var offline = _devices.Count(d => IsOffline(d, now));
        return new SimTimelineEntry
        {
            ElapsedSeconds = Math.Round(Elapsed.TotalSeconds, 1),
            Online = _devices.Count(d => d.Online && !IsOffline(d, now)),
            Offline = offline,
            CheckIns = checkIns,
            Errors = errors,
            Latency = Percentiles.Summarize(latencies),
            Releases = CountBy(d => d.Engine.Current ?? "(none)"),
            UpdateStates = CountBy(d => d.Engine.Report?.State.ToString() ?? "(none)"),
        };
    }

    /// <summary>Latency percentiles, errors by kind and per-site figures of the run so far.</summary>
    public SimSummary Summary() => new()
    {
        Devices = _devices.Count,
        DurationSeconds = Math.Round(Elapsed.TotalSeconds, 1),
        CheckIns = _stats.CheckIns,
        Errors = _stats.Errors,
        Latency = Percentiles.Summarize(_stats.Latencies()),
        Window = WindowSummary(),
        ErrorsByKind = _stats.ErrorsByKind(),
        TelemetryUploads = _stats.TelemetryUploads,
        TelemetryNotFound = _stats.TelemetryNotFound,
        Sites = [.. _options.Scenario.Sites.Select((site, i) =>
        {
            var (checkIns, errors) = _stats.Site(i);
            return new SimSiteSummary
            {
                Site = site.Name,
                Devices = _devices.Count(d => d.SiteIndex == i),
                CheckIns = checkIns,
                Errors = errors,
                Latency = Percentiles.Summarize(_stats.Latencies(i)),
            };
        })],
        Releases = CountBy(d => d.Engine.Current ?? "(none)"),
        UpdateStates = CountBy(d => d.Engine.Report?.State.ToString() ?? "(none)"),
    };

    private SimWindowSummary? WindowSummary()
    {
        if (_options.MeasureFrom is not { } from)
        {
            return null;
        }

        var (checkIns, errors, latencies) = _stats.Window();
        var until = _options.MeasureUntil is { } end && end < Elapsed ? end : Elapsed;
        return new SimWindowSummary
        {
            FromSeconds = from.TotalSeconds,
            UntilSeconds = Math.Round(until.TotalSeconds, 1),
            CheckIns = checkIns,
            Errors = errors,
            Latency = Percentiles.Summarize(latencies),
        };
    }

    /// <summary>Stops every agent and closes their connections.</summary>
    public async Task StopAsync()
    {
        if (_control is { } control)
        {
            await control.CancelAsync();
            await _controlLoop;
            control.Dispose();
            _control = null;
        }

        await Task.WhenAll(_devices.Select(d => d.StopAsync(powerOff: false)));
        _stoppedAt ??= _options.Time.GetUtcNow();
    }

    /// <summary>Stops and releases every device's connection pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }
    }

    private bool IsPartitioned(int site, DateTimeOffset now) =>
        _startedAt is { } started && Covered(site, now - started, SimOfflineMode.Partition);

    private bool IsOffline(SimDevice device, DateTimeOffset now) => device.PoweredOff || IsPartitioned(device.SiteIndex, now);

    private bool Covered(int site, TimeSpan elapsed, SimOfflineMode mode)
    {
        foreach (var window in _windowsBySite[site])
        {
            if (window.Mode == mode && window.Covers(elapsed))
            {
                return true;
            }
        }

        return false;
    }

    // Power windows: switch the site's agents off when one starts, and on again — all at the same instant, as a
    // site's power returning boots every device together — when it ends. Each agent then spreads its first check-in
    // as a real one does just after boot (CheckInSchedule.AtStart); with --no-jitter every agent waits the same and
    // the site still arrives in one instant.
    private async Task ControlAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var elapsed = Elapsed;
                var changes = new List<Task>();
                for (var i = 0; i < _devices.Count; i++)
                {
                    var device = _devices[i];
                    var off = Covered(device.SiteIndex, elapsed, SimOfflineMode.PowerOff);
                    if (off && !device.PoweredOff)
                    {
                        changes.Add(device.StopAsync(powerOff: true));
                    }
                    else if (!off && device.PoweredOff)
                    {
                        device.Start(TimeSpan.Zero, _options.Seed + i + (++_restarts * 100_003), booted: true);
                    }
                }

                await Task.WhenAll(changes);
                await Task.Delay(ControlPeriod, _options.Time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private Dictionary<string, int> CountBy(Func<SimDevice, string> key)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var device in _devices)
        {
            var k = key(device);
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        return new Dictionary<string, int>(counts, StringComparer.Ordinal);
    }
}
