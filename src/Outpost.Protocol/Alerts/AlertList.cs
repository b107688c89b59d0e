namespace Outpost.Protocol.Alerts;

public sealed record AlertList
{
    /// <summary>Newest first (by start time).</summary>
    public required IReadOnlyList<AlertView> Items { get; init; }
}
