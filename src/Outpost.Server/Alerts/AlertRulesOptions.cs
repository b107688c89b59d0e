namespace Outpost.Server.Alerts;

/// <summary><c>Outpost:Alerts:Rules:*</c>: one entry per rule, each with Enabled, For and its thresholds.</summary>
internal sealed class AlertRulesOptions
{
    public DeviceOfflineRuleOptions DeviceOffline { get; set; } = new();

    public DiskFullRuleOptions DiskFull { get; set; } = new();

    public SwappingRuleOptions Swapping { get; set; } = new();

    public InferenceRateLowRuleOptions InferenceRateLow { get; set; } = new();

    public RecentReportRuleOptions CrashLoop { get; set; } = new() { Window = TimeSpan.FromHours(1) };

    public RecentReportRuleOptions BadVersion { get; set; } = new() { Window = TimeSpan.FromHours(24) };

    public CertificateExpiringRuleOptions CertificateExpiring { get; set; } = new();

    public AlertRuleOptions RolloutHalted { get; set; } = new();

    public OutboxDroppingRuleOptions OutboxDropping { get; set; } = new();
}
