using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>Rollouts, their target devices and decisions; the database is the only state (a restart resumes from it).</summary>
internal interface IRolloutStore
{
    /// <summary>
    /// Inserts the rollout, its target devices (from the devices table) and its first decision in one transaction, unless a
    /// target device is already in another active rollout: then nothing is stored and that rollout's id is returned.
    /// </summary>
    Task<string?> CreateAsync(RolloutRecord rollout, IReadOnlyCollection<string> deviceIds, RolloutDecision decision, CancellationToken cancellationToken);

    Task<RolloutRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<RolloutRecord>> ListAsync(bool activeOnly, CancellationToken cancellationToken);

    Task<IReadOnlyList<RolloutMember>> GetMembersAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the rollout (version + 1), the changed members and the decisions in one transaction, only if the stored version is
    /// still <paramref name="expectedVersion"/>. A terminal state releases the devices for other rollouts.
    /// </summary>
    Task<bool> SaveAsync(
        RolloutRecord rollout, long expectedVersion, IReadOnlyCollection<RolloutMember> changed, IReadOnlyList<RolloutDecision> decisions,
        CancellationToken cancellationToken);

    /// <summary>Device counts per (phase, state); phase is null for devices not assigned yet.</summary>
    Task<IReadOnlyList<(int? Phase, RolloutDeviceState State, int Count)>> CountAsync(string id, CancellationToken cancellationToken);

    /// <summary>The last <paramref name="limit"/> decisions (all when null), oldest first.</summary>
    Task<IReadOnlyList<RolloutDecisionView>> GetDecisionsAsync(string id, int? limit, CancellationToken cancellationToken);

    /// <summary>Rollouts halted now (Halted, RollingBack) or halted at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RolloutRecord>> ListHaltedAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
