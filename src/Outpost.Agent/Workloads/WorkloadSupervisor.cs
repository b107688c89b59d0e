using Microsoft.Extensions.Logging;
using Outpost.Agent.Workloads.Probes;
using Outpost.Agent.Workloads.Processes;
using Outpost.Agent.Workloads.Spec;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Workloads;

/// <summary>
/// Runs the processes of one release at a time (docs/workloads.md). Start and stop are serialized; the first failure
/// for good of any process is sticky until the next start. Processes a previous agent left behind (pid file) are
/// stopped before anything starts.
/// </summary>
internal sealed class WorkloadSupervisor : IWorkloadSupervisor, IDisposable
{
    private readonly AgentPaths _paths;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PidFile _pids;
    private readonly OrphanReaper _reaper;
    private readonly HttpClient _probeClient;
    private readonly SemaphoreSlim _control = new(1, 1);
    private readonly Lock _gate = new();
    private IReadOnlyList<SupervisedProcess> _processes = [];
    private string? _release;
    private WorkloadHealth? _failure;
    private bool _disposed;
    private bool _markerScanned;

    public WorkloadSupervisor(AgentPaths paths, TimeProvider time, ILogger<WorkloadSupervisor> logger)
    {
        _paths = paths;
        _time = time;
        _logger = logger;
        _pids = new PidFile(paths.WorkloadPids);
        _reaper = new OrphanReaper(time, logger);
        // Probes talk to the workload on this device: no proxy, no redirects, no connection kept across checks.
        _probeClient = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.Zero })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public WorkloadHealth Health
    {
        get
        {
            IReadOnlyList<SupervisedProcess> processes;
            lock (_gate)
            {
                if (_failure is not null)
                {
                    return _failure with { Restarts = Restarts(_processes) };
                }

                processes = _processes;
            }

            var statuses = processes.Select(p => p.Status).ToList();
            var problem = statuses.Find(s => !s.Healthy)?.Problem;
            return new WorkloadHealth(statuses.TrueForAll(s => s.Healthy), null, problem, statuses.Sum(s => s.Restarts));
        }
    }

    /// <summary>Each process of the running release, for diagnostics and tests.</summary>
    public IReadOnlyList<ProcessStatus> Processes
    {
        get
        {
            lock (_gate)
            {
                return [.. _processes.Select(p => p.Status)];
            }
        }
    }

    public async Task StartAsync(string releaseId, string releaseDirectory, CancellationToken cancellationToken)
    {
        // Validated before anything is stopped: a bad spec leaves the running workload as it is.
        var workload = ReleaseWorkload.Load(releaseDirectory);
        await _control.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            await StopCoreAsync();
            await StopLeftoversCoreAsync();
            var processes = workload.Spec.Processes.Select(p => Create(releaseId, workload, p!)).ToList();
            lock (_gate)
            {
                _processes = processes;
                _release = releaseId;
                _failure = null;
            }

            Log.WorkloadStarting(_logger, releaseId, processes.Count);
            processes.ForEach(p => p.Start());
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Stopping is not cancelled by <paramref name="cancellationToken"/>: no process may be left behind.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _control.WaitAsync(CancellationToken.None);
        try
        {
            await StopCoreAsync();
        }
        finally
        {
            _control.Release();
        }
    }

    /// <summary>Stops what a previous agent left running; done by StartAsync too, and by the host at startup.</summary>
    public async Task StopLeftoversAsync(CancellationToken cancellationToken)
    {
        await _control.WaitAsync(cancellationToken);
        try
        {
            await StopLeftoversCoreAsync();
        }
        finally
        {
            _control.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _disposed = true;
        _probeClient.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task StopCoreAsync()
    {
        IReadOnlyList<SupervisedProcess> processes;
        string? release;
        lock (_gate)
        {
            (processes, release) = (_processes, _release);
        }

        if (release is null)
        {
            return;
        }

        await Task.WhenAll(processes.Select(p => p.StopAsync()));
        lock (_gate)
        {
            _processes = [];
            _release = null;
            _failure = null;
        }

        Log.WorkloadStopped(_logger, release);
    }

    private async Task StopLeftoversCoreAsync()
    {
        var leftovers = _pids.Leftovers();
        if (leftovers.Count > 0)
        {
            await _reaper.ReapAsync(leftovers);
            _pids.ForgetLeftovers();
        }

        // Once, before this instance has started anything: afterwards its own processes carry the marker too.
        if (!_markerScanned)
        {
            _markerScanned = true;
            await _reaper.ReapMarkedAsync(WorkloadEnvironment.OwnerEntry(_paths));
        }
    }

    private SupervisedProcess Create(string releaseId, ReleaseWorkload workload, ProcessSpec spec)
    {
        var command = Resolve(workload, spec.Command!);
        var workingDirectory = ReleasePaths.Resolve(workload.Directory, spec.WorkingDirectory)!;
        var environment = WorkloadEnvironment.Build(releaseId, workload, _paths, spec);
        IProbe? probe = spec.Probe switch
        {
            { Http: { } http } => new HttpProbe(_probeClient, new Uri(http.Url!)),
            { Tcp: { } tcp } => new TcpProbe(tcp.Host, tcp.Port),
            { Exec: { } exec } => new ExecProbe(Resolve(workload, exec.Command!), [.. exec.Args.Select(a => a!)], workingDirectory, environment),
            _ => null,
        };
        var launch = new ProcessLaunch(releaseId, spec, command, [.. spec.Args.Select(a => a!)], workingDirectory, environment, probe);
        var log = new RotatingLog(Path.Combine(_paths.WorkloadLogs, releaseId, spec.Name + ".log"), spec.Logs.MaxBytes, spec.Logs.Files);
        return new SupervisedProcess(launch, log, _pids, _time, _logger, OnFailure);
    }

    private static string Resolve(ReleaseWorkload workload, string command)
    {
        var path = ReleasePaths.Resolve(workload.Directory, command)!;
        if (!Path.IsPathRooted(command))
        {
            ProcessLauncher.EnsureExecutable(path);
        }

        return path;
    }

    private void OnFailure(UpdateFailureCause cause, string detail)
    {
        lock (_gate)
        {
            _failure ??= new WorkloadHealth(false, cause, detail, 0);
        }
    }

    private static int Restarts(IReadOnlyList<SupervisedProcess> processes) => processes.Sum(p => p.Status.Restarts);
}
