namespace Outpost.Server.Dashboard.Views;

/// <summary>A device running a release.</summary>
public sealed record ReleaseDeviceView(string Id, string Site, DateTimeOffset? LastSeenAt);
