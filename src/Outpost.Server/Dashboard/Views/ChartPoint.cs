namespace Outpost.Server.Dashboard.Views;

/// <summary>One plotted value: the count-weighted mean of the metric windows that ended in one bucket of the chart.</summary>
public sealed record ChartPoint(DateTimeOffset At, double Value);
