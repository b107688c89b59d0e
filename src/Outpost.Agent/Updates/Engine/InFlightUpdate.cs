using Outpost.Protocol.Devices;

namespace Outpost.Agent.Updates.Engine;

/// <summary>The one update the engine is working on, as persisted in the journal.</summary>
internal sealed record InFlightUpdate
{
    /// <summary>The release being installed, <c>NAME@VERSION</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The committed release when the update started: the rollback target. Null on a first install.</summary>
    public string? From { get; init; }

    public required UpdatePhase Phase { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the health window started; persisted so an agent restart resumes it rather than restarting it.</summary>
    public DateTimeOffset? WindowStartedAt { get; init; }

    /// <summary>Why the window failed (phase Reverting), kept so a crash mid-revert still reports the right cause.</summary>
    public UpdateFailureCause? Cause { get; init; }

    public string? Detail { get; init; }
}
