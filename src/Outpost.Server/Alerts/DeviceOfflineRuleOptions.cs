namespace Outpost.Server.Alerts;

internal sealed class DeviceOfflineRuleOptions : AlertRuleOptions
{
    /// <summary>A device whose last check-in (or enrollment, if it never checked in) is older than this is offline.</summary>
    public TimeSpan After { get; set; } = TimeSpan.FromMinutes(5);
}
