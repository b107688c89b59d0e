namespace Outpost.Protocol.Devices;

/// <summary>The agent's latest progress on its desired release, sent with each check-in and shown on the device view.</summary>
public sealed record UpdateReport
{
    /// <summary>The release this report is about, <c>NAME@VERSION</c>.</summary>
    public required string Release { get; init; }

    public required UpdateState State { get; init; }

    /// <summary>Why a release was refused, failed or rolled back; free text for operators.</summary>
    public string? Detail { get; init; }

    /// <summary>The same reason for machines (rollout gates); set with RolledBack, Refused and Failed.</summary>
    public UpdateFailureCause? Cause { get; init; }

    public int? ProgressPercent { get; init; }

    public required DateTimeOffset At { get; init; }
}
