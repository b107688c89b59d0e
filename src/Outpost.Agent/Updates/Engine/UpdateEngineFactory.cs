using Microsoft.Extensions.Logging;
using Outpost.Agent.Updates.SelfUpdate;
using Outpost.Agent.Workloads;

namespace Outpost.Agent.Updates.Engine;

/// <summary>Wires an engine's parts over one data folder; tests use it with fakes and fault points.</summary>
internal static class UpdateEngineFactory
{
    public static UpdateEngine Create(
        AgentPaths paths,
        IReleaseSource source,
        IWorkloadSupervisor workloads,
        IAgentSelfUpdate? selfUpdate,
        TimeProvider time,
        ILogger logger,
        TimeSpan healthPollInterval,
        FaultPoints? faults = null)
    {
        faults ??= FaultPoints.None;
        var state = new EngineState(new JournalStore(paths.Update, faults), time);
        var folders = new ReleaseFolders(paths, faults);
        var link = new CurrentLink(paths, faults);
        var executor = new StepExecutor(state, folders, link, source, workloads, selfUpdate, new HealthWatcher(workloads, time, healthPollInterval), logger);
        return new UpdateEngine(state, executor, folders, link, faults, logger);
    }
}
