namespace Outpost.Server.Dashboard;

internal static class ReleaseLinks
{
    /// <summary>The device list filtered by current release (the devices page owns the filter).</summary>
    public static string DevicesRunning(string releaseId) => $"{DashboardRoutes.Devices}?release={Uri.EscapeDataString(releaseId)}";
}
