using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// Desired release + journal + facts → the next steps. Pure: no I/O, no clock. The runner executes a plan, then asks
/// again, until the plan is empty; so a plan only has to be right for the state it was made from, and a crash between
/// any two steps is just another state to plan from.
/// </summary>
internal static class UpdatePlanner
{
    public static UpdatePlan Plan(string? desired, UpdateJournal journal, DiskFacts facts)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(facts);
        return journal.Operation is { } update ? InFlight(desired, update, facts) : Steady(desired, journal, facts);
    }

    private static UpdatePlan InFlight(string? desired, InFlightUpdate update, DiskFacts facts)
    {
        var target = update.Target;
        if (update.Phase < UpdatePhase.Switching && desired != target)
        {
            // Nothing was switched yet: dropping the update costs nothing. Past the switch it must commit or revert.
            return new([new(StepKind.Abandon, target)]);
        }

        var steps = new List<UpdateStep>();
        switch (update.Phase)
        {
            case UpdatePhase.Staging:
                if (!facts.Installed.Contains(target) && !facts.Staged.Contains(target))
                {
                    steps.Add(new(StepKind.Stage, target));
                }

                // Install also checks a folder already in releases/ (e.g. a fleet rollback to the kept N-1).
                steps.Add(new(StepKind.Install, target));
                break;
            case UpdatePhase.Installed when facts.TargetCarriesAgent:
                steps.Add(new(StepKind.TrialAgent, target));
                break;
            case UpdatePhase.Installed or UpdatePhase.Trialed or UpdatePhase.Switching:
                steps.Add(new(StepKind.Switch, target));
                steps.Add(new(StepKind.StartWorkload, target));
                steps.Add(new(StepKind.WatchHealth, target));
                steps.Add(new(StepKind.Commit, target));
                break;
            case UpdatePhase.HealthCheck:
                // Resumed after a restart: repair the link, start the workload again, finish the persisted window.
                if (facts.CurrentRelease != target)
                {
                    steps.Add(new(StepKind.Switch, target));
                }

                if (facts.WorkloadRelease != target)
                {
                    steps.Add(new(StepKind.StartWorkload, target));
                }

                steps.Add(new(StepKind.WatchHealth, target));
                steps.Add(new(StepKind.Commit, target));
                break;
            case UpdatePhase.Reverting:
                steps.Add(new(StepKind.Revert, target));
                break;
        }

        return new(steps);
    }

    private static UpdatePlan Steady(string? desired, UpdateJournal journal, DiskFacts facts)
    {
        var steps = new List<UpdateStep>();
        var current = journal.Current;
        if (current is not null)
        {
            // The journal is the truth: a link left elsewhere (crash, hand edit) is pointed back at the committed release.
            if (facts.CurrentRelease != current)
            {
                steps.Add(new(StepKind.Switch, current));
            }

            if (facts.WorkloadRelease != current)
            {
                steps.Add(new(StepKind.StartWorkload, current));
            }
        }
        else if (facts.CurrentExists)
        {
            steps.Add(new(StepKind.Unlink));
        }

        if (HasGarbage(desired, journal, facts))
        {
            steps.Add(new(StepKind.CollectGarbage));
        }

        if (journal.PendingHandOver is { } handOver)
        {
            // The agent is replaced by this step; whatever else is desired, the new agent picks it up.
            steps.Add(new(StepKind.HandOver, handOver));
            return new(steps);
        }

        if (desired is not null && desired != current)
        {
            var failure = journal.FailureOf(desired);
            if (failure is null)
            {
                steps.Add(new(StepKind.Begin, desired));
            }
            else if (failure.State == UpdateState.Refused && failure.TargetsVersion is not null)
            {
                steps.Add(new(StepKind.Recheck, desired));
            }
        }

        return new(steps);
    }

    /// <summary>The releases garbage collection keeps: never the committed one, its rollback target, or the in-flight ones.</summary>
    public static IReadOnlySet<string> Kept(UpdateJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        foreach (var release in new[] { journal.Current, journal.Previous, journal.Operation?.Target, journal.Operation?.From })
        {
            if (release is not null)
            {
                kept.Add(release);
            }
        }

        return kept;
    }

    private static bool HasGarbage(string? desired, UpdateJournal journal, DiskFacts facts)
    {
        var kept = Kept(journal);
        return facts.HasLeftovers
            || facts.Installed.Any(r => !kept.Contains(r))
            || facts.Staged.Any(r => !kept.Contains(r) && r != desired);
    }
}
