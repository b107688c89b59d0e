namespace Outpost.Server.Dashboard.Views;

/// <summary>The current targets metadata every release is listed in (it is cumulative): version and expiry.</summary>
public sealed record TargetsSummaryView(long Version, DateTimeOffset Expires, int TargetCount);
