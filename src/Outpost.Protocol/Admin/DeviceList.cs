namespace Outpost.Protocol.Admin;

public sealed record DeviceList
{
    public required IReadOnlyList<DeviceView> Items { get; init; }

    /// <summary>Number of devices matching the filter, across all pages.</summary>
    public required int Total { get; init; }
}
