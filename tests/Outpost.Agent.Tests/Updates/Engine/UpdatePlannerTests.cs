using Outpost.Agent.Updates.Engine;
using Outpost.Protocol.Devices;

namespace Outpost.Agent.Tests.Updates.Engine;

public sealed class UpdatePlannerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);

    private static DiskFacts Facts(string[]? installed = null, string[]? staged = null, string? link = null, string? workload = null,
        bool linkExists = false, bool leftovers = false, bool agent = false) => new()
    {
        Installed = (installed ?? []).ToHashSet(StringComparer.Ordinal),
        Staged = (staged ?? []).ToHashSet(StringComparer.Ordinal),
        CurrentRelease = link,
        CurrentExists = linkExists || link is not null,
        WorkloadRelease = workload,
        HasLeftovers = leftovers,
        TargetCarriesAgent = agent,
    };

    private static UpdateJournal Committed(string? current = "app@1", string? previous = null) => new() { Current = current, Previous = previous };

    private static UpdateJournal InFlight(UpdatePhase phase, string target = "app@2", string? from = "app@1", DateTimeOffset? window = null) =>
        Committed(from) with { Operation = new InFlightUpdate { Target = target, From = from, Phase = phase, StartedAt = T0, WindowStartedAt = window } };

    private static string Plan(string? desired, UpdateJournal journal, DiskFacts facts) => UpdatePlanner.Plan(desired, journal, facts).ToString();

    private static readonly DiskFacts Running1 = Facts(installed: ["app@1"], link: "app@1", workload: "app@1");

    [Fact]
    public void Plan_NothingDesiredNothingInstalled_Nothing() =>
        Assert.Equal("(nothing)", Plan(null, UpdateJournal.Empty, Facts()));

    [Fact]
    public void Plan_DesiredIsCurrentAndRunning_Nothing() =>
        Assert.Equal("(nothing)", Plan("app@1", Committed(), Running1));

    [Fact]
    public void Plan_NullDesired_KeepsWhatRuns() =>
        Assert.Equal("(nothing)", Plan(null, Committed(), Running1));

    [Fact]
    public void Plan_NewDesired_BeginsAnUpdate() =>
        Assert.Equal("Begin app@2", Plan("app@2", Committed(), Running1));

    [Fact]
    public void Plan_AgentJustStarted_StartsTheCommittedWorkloadFirst() =>
        Assert.Equal("StartWorkload app@1, Begin app@2", Plan("app@2", Committed(), Facts(installed: ["app@1"], link: "app@1")));

    [Fact]
    public void Plan_LinkPointsElsewhere_RepairsToTheJournal() =>
        Assert.Equal("Switch app@1", Plan("app@1", Committed(), Facts(installed: ["app@1", "app@2"], link: "app@2", workload: "app@1") with { Installed = new HashSet<string> { "app@1" } }));

    [Fact]
    public void Plan_LinkMissing_RecreatesIt() =>
        Assert.Equal("Switch app@1, StartWorkload app@1", Plan("app@1", Committed(), Facts(installed: ["app@1"])));

    [Fact]
    public void Plan_LinkButNothingCommitted_RemovesIt() =>
        Assert.Equal("Unlink", Plan(null, UpdateJournal.Empty, Facts(linkExists: true)));

    [Fact]
    public void Plan_Staging_NotYetStaged_StagesThenInstalls() =>
        Assert.Equal("Stage app@2, Install app@2", Plan("app@2", InFlight(UpdatePhase.Staging), Running1));

    [Fact]
    public void Plan_Staging_AlreadyStaged_InstallsWithoutDownload() =>
        Assert.Equal("Install app@2", Plan("app@2", InFlight(UpdatePhase.Staging), Running1 with { Staged = new HashSet<string> { "app@2" } }));

    [Fact]
    public void Plan_FleetRollbackToKeptPrevious_NoStage() =>
        Assert.Equal("Install app@1",
            Plan("app@1", InFlight(UpdatePhase.Staging, target: "app@1", from: "app@2") with { Previous = "app@1" },
                Facts(installed: ["app@1", "app@2"], link: "app@2", workload: "app@2")));

    [Fact]
    public void Plan_Installed_SwitchesWatchesCommits() =>
        Assert.Equal("Switch app@2, StartWorkload app@2, WatchHealth app@2, Commit app@2", Plan("app@2", InFlight(UpdatePhase.Installed), Running1));

    [Fact]
    public void Plan_InstalledWithAgentBinary_TrialFirst() =>
        Assert.Equal("TrialAgent app@2", Plan("app@2", InFlight(UpdatePhase.Installed), Running1 with { TargetCarriesAgent = true }));

    [Fact]
    public void Plan_Trialed_Switches() =>
        Assert.Equal("Switch app@2, StartWorkload app@2, WatchHealth app@2, Commit app@2",
            Plan("app@2", InFlight(UpdatePhase.Trialed), Running1 with { TargetCarriesAgent = true }));

    [Fact]
    public void Plan_CrashDuringSwitch_SwitchesAgain() =>
        Assert.Equal("Switch app@2, StartWorkload app@2, WatchHealth app@2, Commit app@2",
            Plan("app@2", InFlight(UpdatePhase.Switching), Facts(installed: ["app@1", "app@2"], link: "app@2")));

    [Fact]
    public void Plan_RestartInHealthWindow_StartsWorkloadAndResumesWindow() =>
        Assert.Equal("StartWorkload app@2, WatchHealth app@2, Commit app@2",
            Plan("app@2", InFlight(UpdatePhase.HealthCheck, window: T0), Facts(installed: ["app@1", "app@2"], link: "app@2")));

    [Fact]
    public void Plan_HealthWindowLinkLost_RepairsLinkToTarget() =>
        Assert.Equal("Switch app@2, StartWorkload app@2, WatchHealth app@2, Commit app@2",
            Plan("app@2", InFlight(UpdatePhase.HealthCheck, window: T0), Facts(installed: ["app@1", "app@2"], link: "app@1")));

    [Fact]
    public void Plan_HealthWindowRunning_OnlyWatches() =>
        Assert.Equal("WatchHealth app@2, Commit app@2",
            Plan("app@2", InFlight(UpdatePhase.HealthCheck, window: T0), Facts(installed: ["app@1", "app@2"], link: "app@2", workload: "app@2")));

    [Theory]
    [InlineData((int)UpdatePhase.Switching)]
    [InlineData((int)UpdatePhase.HealthCheck)]
    public void Plan_DesiredChangesAfterSwitch_FinishesTheUpdateFirst(int phase) =>
        Assert.EndsWith("Commit app@2", Plan("app@3", InFlight((UpdatePhase)phase, window: T0), Facts(installed: ["app@1", "app@2"], link: "app@2", workload: "app@2")));

    [Theory]
    [InlineData((int)UpdatePhase.Staging)]
    [InlineData((int)UpdatePhase.Installed)]
    [InlineData((int)UpdatePhase.Trialed)]
    public void Plan_DesiredChangesBeforeSwitch_Abandons(int phase) =>
        Assert.Equal("Abandon app@2", Plan("app@3", InFlight((UpdatePhase)phase), Running1));

    [Fact]
    public void Plan_DesiredClearedBeforeSwitch_Abandons() =>
        Assert.Equal("Abandon app@2", Plan(null, InFlight(UpdatePhase.Staging), Running1));

    [Fact]
    public void Plan_Reverting_Reverts() =>
        Assert.Equal("Revert app@2", Plan("app@2", InFlight(UpdatePhase.Reverting), Facts(installed: ["app@1", "app@2"], link: "app@2")));

    [Fact]
    public void Plan_RevertingEvenIfDesiredChanged_Reverts() =>
        Assert.Equal("Revert app@2", Plan("app@9", InFlight(UpdatePhase.Reverting), Facts(installed: ["app@1", "app@2"], link: "app@1")));

    [Fact]
    public void Plan_RolledBackRelease_NotRetried() =>
        Assert.Equal("(nothing)", Plan("app@2", Committed() with
        {
            Failed = [new FailedRelease { Release = "app@2", State = UpdateState.RolledBack, Cause = UpdateFailureCause.CrashLoop, At = T0 }],
        }, Running1 with { Installed = new HashSet<string> { "app@1" } }));

    [Fact]
    public void Plan_RefusedRelease_OnlyRechecked() =>
        Assert.Equal("Recheck app@2", Plan("app@2", Committed() with
        {
            Failed = [new FailedRelease { Release = "app@2", State = UpdateState.Refused, Cause = UpdateFailureCause.VerificationFailed, TargetsVersion = 4, At = T0 }],
        }, Running1));

    [Fact]
    public void Plan_RefusedWithoutTargetsVersion_NotRetried() =>
        Assert.Equal("(nothing)", Plan("app@2", Committed() with
        {
            Failed = [new FailedRelease { Release = "app@2", State = UpdateState.Refused, Cause = UpdateFailureCause.InvalidRelease, At = T0 }],
        }, Running1));

    [Fact]
    public void Plan_OldReleasesOnDisk_CollectsGarbage() =>
        Assert.Equal("CollectGarbage", Plan("app@2", Committed("app@2", "app@1"),
            Facts(installed: ["app@0", "app@1", "app@2"], link: "app@2", workload: "app@2")));

    [Fact]
    public void Plan_CurrentAndPreviousOnly_NoGarbage() =>
        Assert.Equal("(nothing)", Plan("app@2", Committed("app@2", "app@1"), Facts(installed: ["app@1", "app@2"], link: "app@2", workload: "app@2")));

    [Fact]
    public void Plan_StagedDesiredRelease_IsNotGarbage() =>
        Assert.Equal("(nothing)", Plan("app@3", Committed("app@2", "app@1") with
        {
            Failed = [new FailedRelease { Release = "app@3", State = UpdateState.RolledBack, At = T0 }],
        }, Facts(installed: ["app@1", "app@2"], staged: ["app@3"], link: "app@2", workload: "app@2")));

    [Fact]
    public void Plan_Leftovers_CollectsGarbage() =>
        Assert.Equal("CollectGarbage", Plan("app@1", Committed(), Running1 with { HasLeftovers = true }));

    [Fact]
    public void Plan_PendingHandOver_HandsOverBeforeAnythingNew() =>
        Assert.Equal("HandOver app@1", Plan("app@2", Committed() with { PendingHandOver = "app@1" }, Running1));

    [Fact]
    public void Kept_CurrentPreviousAndInFlight()
    {
        var kept = UpdatePlanner.Kept(InFlight(UpdatePhase.HealthCheck, target: "app@3", from: "app@2") with { Previous = "app@1", Current = "app@2" });

        Assert.Equal(["app@1", "app@2", "app@3"], kept.Order());
    }
}
