using System.Text.Json.Serialization;

namespace Outpost.Protocol.Rollouts;

/// <summary>
/// What an operator asks for: a signed release sent to a target set in phases, judged by gates. Durations are text
/// like <c>30s</c>, <c>10m</c>, <c>1h30m</c>, <c>2d</c> (docs/rollouts.md, docs/schemas/rollout.schema.json).
/// </summary>
public sealed record RolloutSpec
{
    /// <summary><c>NAME@VERSION</c>, present in the current signed targets metadata.</summary>
    public required string Release { get; init; }

    public required RolloutTarget Target { get; init; }

    /// <summary>Cumulative coverage per phase; null means 5% → 25% → 100%.</summary>
    public IReadOnlyList<RolloutPhaseSpec>? Phases { get; set; }

    /// <summary>Bake time of a phase that sets none.</summary>
    [JsonConverter(typeof(DurationTextConverter))]
    public string BakeTime { get; set; } = "10m";

    /// <summary>At most this many devices of one site updating at once; null = no limit.</summary>
    public int? MaxConcurrentPerSite { get; set; }

    /// <summary>Round-robin over sites when choosing devices, so a canary never sits in one site only.</summary>
    public bool SpreadAcrossSites { get; set; } = true;

    public RolloutGates Gates { get; set; } = new();

    /// <summary>A device not heard from for this long after assignment counts as timed out.</summary>
    [JsonConverter(typeof(DurationTextConverter))]
    public string DeviceTimeout { get; set; } = "30m";

    public OfflinePolicy Offline { get; set; } = OfflinePolicy.Wait;

    public FailurePolicy OnFailure { get; set; } = FailurePolicy.Rollback;
}
