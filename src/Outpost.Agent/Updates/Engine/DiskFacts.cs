namespace Outpost.Agent.Updates.Engine;

/// <summary>
/// What the planner may know about the world besides the journal: read from the data folder just before planning,
/// plus the agent's own in-memory facts (which workload it started, whether it can update itself).
/// </summary>
internal sealed record DiskFacts
{
    public static DiskFacts Empty { get; } = new();

    /// <summary>Release folders under <c>releases/</c>.</summary>
    public IReadOnlySet<string> Installed { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Verified release folders under <c>staging/</c>.</summary>
    public IReadOnlySet<string> Staged { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Whether <c>current</c> exists at all (a link, or anything else in its place).</summary>
    public bool CurrentExists { get; init; }

    /// <summary>The release <c>current</c> points at, or null when it is missing or points anywhere else.</summary>
    public string? CurrentRelease { get; init; }

    /// <summary>Leftovers of interrupted work: temporary files, half-deleted folders.</summary>
    public bool HasLeftovers { get; init; }

    /// <summary>Whether the in-flight target's release.json lists an agent binary (known once installed).</summary>
    public bool TargetCarriesAgent { get; init; }

    /// <summary>The release whose workload this agent process has started, or null.</summary>
    public string? WorkloadRelease { get; init; }
}
