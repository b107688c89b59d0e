namespace Outpost.Server.Alerts;

internal sealed class OutboxDroppingRuleOptions : AlertRuleOptions
{
    /// <summary>Fires while a device's reported drop count rose within this window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(30);
}
