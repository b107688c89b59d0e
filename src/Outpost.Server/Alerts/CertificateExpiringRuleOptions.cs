namespace Outpost.Server.Alerts;

internal sealed class CertificateExpiringRuleOptions : AlertRuleOptions
{
    /// <summary>Fires when the device certificate expires within this (agents renew well before; this means renewal is failing).</summary>
    public TimeSpan Within { get; set; } = TimeSpan.FromDays(7);
}
