using Outpost.Protocol.Admin;

namespace Outpost.Server.Storage;

/// <summary>
/// Filter and page for the device list. <see cref="OnlineSince"/> is the last-seen threshold that separates
/// online from offline; the caller derives it from the check-in interval.
/// </summary>
internal sealed record DeviceQuery
{
    public string? Site { get; init; }

    public string? Tag { get; init; }

    public DeviceStatus? Status { get; init; }

    /// <summary>The release the device reports running (<c>NAME@VERSION</c>, exact match on current_release).</summary>
    public string? Release { get; init; }

    /// <summary>Substring of the device id or hostname, case-insensitive (ASCII letters; see docs/dashboard.md).</summary>
    public string? Search { get; init; }

    public required DateTimeOffset OnlineSince { get; init; }

    public int Limit { get; init; } = 100;

    public int Offset { get; init; }
}
