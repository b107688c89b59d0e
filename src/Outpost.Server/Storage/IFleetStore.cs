namespace Outpost.Server.Storage;

/// <summary>Fleet-wide device aggregates for the summary view and Prometheus.</summary>
internal interface IFleetStore
{
    /// <summary>Device counts per (site, current release).</summary>
    Task<IReadOnlyList<FleetCountRow>> CountAsync(DateTimeOffset onlineSince, CancellationToken cancellationToken);

    /// <summary>The first <paramref name="limit"/> devices not revoked, in enrollment order (stable, so series do not churn).</summary>
    Task<IReadOnlyList<FleetDeviceRow>> ListActiveAsync(int limit, CancellationToken cancellationToken);
}
