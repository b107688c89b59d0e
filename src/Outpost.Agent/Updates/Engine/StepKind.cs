namespace Outpost.Agent.Updates.Engine;

/// <summary>The small, idempotent commands a plan is made of (docs/designs/update-engine.md, "Steps").</summary>
internal enum StepKind
{
    /// <summary>Record a new in-flight update in the journal (nothing on disk changes yet).</summary>
    Begin,

    /// <summary>Forget an in-flight update that has not switched yet: the desired release changed.</summary>
    Abandon,

    /// <summary>Download and verify into <c>staging/X</c> (TUF, full verification).</summary>
    Stage,

    /// <summary>Rename <c>staging/X</c> to <c>releases/X</c>, check every file against release.json.</summary>
    Install,

    /// <summary>Try the release's agent binary (only for releases with an artifact of kind <c>agent</c>).</summary>
    TrialAgent,

    /// <summary>Point <c>current</c> at <c>releases/X</c>: temporary link, rename(2) over <c>current</c>, fsync.</summary>
    Switch,

    /// <summary>Remove <c>current</c>: nothing is committed, yet a link is there.</summary>
    Unlink,

    /// <summary>Start the workload of <c>releases/X</c> (stopping whatever runs).</summary>
    StartWorkload,

    /// <summary>Watch the workload's health until the window, counted from its persisted start, has passed.</summary>
    WatchHealth,

    /// <summary>Make the target the committed release and the old one the kept N-1.</summary>
    Commit,

    /// <summary>Go back to the update's starting release (checked first), start its workload, report why.</summary>
    Revert,

    /// <summary>A refused release: ask whether the signed targets changed since; only then try it again.</summary>
    Recheck,

    /// <summary>Delete releases and staged folders other than current, previous and the in-flight ones.</summary>
    CollectGarbage,

    /// <summary>Let the committed release's agent binary take over (self-update).</summary>
    HandOver,
}
