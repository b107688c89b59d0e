namespace Outpost.Server.Dashboard;

/// <summary>The first targets version listing a release, and when the server accepted it.</summary>
internal sealed record ReleasePublication(long TargetsVersion, DateTimeOffset AcceptedAt);
