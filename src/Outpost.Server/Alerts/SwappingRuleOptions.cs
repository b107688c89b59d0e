namespace Outpost.Server.Alerts;

internal sealed class SwappingRuleOptions : AlertRuleOptions
{
    public SwappingRuleOptions() => For = TimeSpan.FromMinutes(5);

    /// <summary>Fires when swap-in plus swap-out pages per second, averaged over <see cref="Window"/>, are above this.</summary>
    public double PagesPerSecond { get; set; } = 100;

    /// <summary>Also fires when the latest snapshot's used swap share (0..1) is above this.</summary>
    public double SwapUsedRatio { get; set; } = 0.8;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}
