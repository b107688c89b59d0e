namespace Outpost.Server.Rollouts;

/// <summary>Read side for other features (alerts): which rollouts a gate halted.</summary>
internal interface IRolloutStatusReader
{
    /// <summary>Rollouts halted now (Halted, RollingBack) plus those halted at or after <paramref name="since"/> (e.g. already RolledBack).</summary>
    Task<IReadOnlyList<HaltedRollout>> HaltedAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
