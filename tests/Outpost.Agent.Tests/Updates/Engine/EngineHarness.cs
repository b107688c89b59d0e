using Microsoft.Extensions.Logging;
using Outpost.Agent.Updates.Engine;
using Outpost.Agent.Updates.SelfUpdate;

namespace Outpost.Agent.Tests.Updates.Engine;

/// <summary>
/// One device's data folder, its release source and its clock, outliving any number of agent "processes" (engines)
/// started on it: a crash is an engine thrown away mid-step, a restart a fresh engine on the same folder.
/// </summary>
internal sealed class EngineHarness : IDisposable
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly TempDirectory _temp = new(inMemory: true);

    public EngineHarness()
    {
        Paths = new AgentPaths(_temp.Path);
        Source = new FakeReleaseSource(Paths.Staging);
        Directory.CreateDirectory(Paths.Staging);
    }

    public AgentPaths Paths { get; }

    public FakeReleaseSource Source { get; }

    public BarrierTime Time { get; } = new();

    public IAgentSelfUpdate? SelfUpdate { get; set; }

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fresh agent process on the folder: loads the journal, nothing running yet.</summary>
    public Device Start(FaultPoints? faults = null)
    {
        var workloads = new FakeWorkloads();
        var logger = new ListLogger<UpdateEngine>();
        var engine = UpdateEngineFactory.Create(Paths, Source, workloads, SelfUpdate, Time, logger, Poll, faults);
        engine.Load();
        return new Device(engine, workloads, logger, Time);
    }

    public UpdateJournal Journal() => new JournalStore(Paths.Update, FaultPoints.None).Load();

    public string? LinkedRelease() => new CurrentLink(Paths, FaultPoints.None).Read().Release;

    public string[] InstalledReleases() =>
        Directory.Exists(Paths.Releases) ? [.. Directory.EnumerateDirectories(Paths.Releases).Select(Path.GetFileName).Order()!] : [];

    /// <summary>The device runs one complete release, as the journal says: the link, the files and the journal agree.</summary>
    public void AssertConsistent()
    {
        var journal = Journal();
        Assert.Null(journal.Operation);
        Assert.Equal(journal.Current, LinkedRelease());
        if (journal.Current is { } current)
        {
            Assert.Null(ReleaseContent.Verify(Paths.Release(current), journal.Manifests.GetValueOrDefault(current), out _));
        }

        if (journal.Previous is { } previous)
        {
            Assert.Null(ReleaseContent.Verify(Paths.Release(previous), journal.Manifests.GetValueOrDefault(previous), out _));
        }
    }

    public void Dispose() => _temp.Dispose();

    internal sealed record Device(UpdateEngine Engine, FakeWorkloads Workloads, ListLogger<UpdateEngine> Logger, BarrierTime Time)
    {
        /// <summary>A check-in answered with <paramref name="desired"/>, then the engine's work, with time moving when it waits.</summary>
        public async Task DesireAsync(string? desired)
        {
            Engine.OnDesired(desired);
            await ReconcileAsync();
        }

        public Task ReconcileAsync() => Time.DriveAsync(Engine.ReconcileAsync(quickOnly: false, Ct), Poll);

        public IEnumerable<string> Messages(LogLevel atLeast = LogLevel.Trace) =>
            Logger.Entries.Where(e => e.Level >= atLeast).Select(e => e.Message);
    }
}
