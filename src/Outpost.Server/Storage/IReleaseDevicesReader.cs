namespace Outpost.Server.Storage;

/// <summary>Which devices run or desire each release, for the dashboard's release pages. Revoked devices are left out.</summary>
internal interface IReleaseDevicesReader
{
    /// <summary>Per release id (<c>NAME@VERSION</c>): devices reporting it as current, and devices told to install it.</summary>
    Task<IReadOnlyDictionary<string, ReleaseDeviceCounts>> CountAsync(CancellationToken cancellationToken);

    /// <summary>The first <paramref name="limit"/> devices running <paramref name="release"/>, by id.</summary>
    Task<IReadOnlyList<FleetDeviceRow>> ListRunningAsync(string release, int limit, CancellationToken cancellationToken);
}
