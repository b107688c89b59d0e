using System.ComponentModel.DataAnnotations;

namespace Outpost.Server.Dashboard;

/// <summary>Configuration section <c>Outpost:Dashboard</c>.</summary>
internal sealed class DashboardOptions
{
    public const string Section = "Outpost:Dashboard";

    /// <summary>A session ends this long after login, whatever the activity: a stolen cookie does not live forever.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often open pages refresh their live regions (light polling; paused while the tab is hidden).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan LiveRefreshInterval { get; set; } = TimeSpan.FromSeconds(3);
}
