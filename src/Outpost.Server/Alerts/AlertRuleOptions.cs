namespace Outpost.Server.Alerts;

/// <summary>What every rule has: on/off and how long its condition must hold before the alert fires.</summary>
internal class AlertRuleOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The condition must hold at every evaluation for this long before the alert fires (Prometheus' <c>for</c>).</summary>
    public TimeSpan For { get; set; }
}
