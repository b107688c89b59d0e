namespace Outpost.Server.Alerts;

internal sealed class DiskFullRuleOptions : AlertRuleOptions
{
    public DiskFullRuleOptions() => For = TimeSpan.FromMinutes(5);

    /// <summary>Fires for a mount whose used share (0..1) of the latest snapshot is above this.</summary>
    public double UsedRatio { get; set; } = 0.9;
}
