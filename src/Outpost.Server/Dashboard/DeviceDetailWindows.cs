namespace Outpost.Server.Dashboard;

/// <summary>The chart windows the device page offers (<c>?window=</c>); anything else is refused with 400.</summary>
internal static class DeviceDetailWindows
{
    public const string Default = "1h";

    public static IReadOnlyList<(string Key, string Label, TimeSpan Span)> All { get; } =
    [
        ("1h", "1 hour", TimeSpan.FromHours(1)),
        ("6h", "6 hours", TimeSpan.FromHours(6)),
        ("24h", "24 hours", TimeSpan.FromHours(24)),
        ("7d", "7 days", TimeSpan.FromDays(7)),
    ];

    public static TimeSpan? Find(string key) => All.FirstOrDefault(w => w.Key == key).Span is { Ticks: > 0 } span ? span : null;
}
