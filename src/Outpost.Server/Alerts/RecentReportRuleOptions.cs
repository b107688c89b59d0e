namespace Outpost.Server.Alerts;

/// <summary>Rules on the device's latest update report: the report counts while it is younger than <see cref="Window"/>.</summary>
internal sealed class RecentReportRuleOptions : AlertRuleOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);
}
