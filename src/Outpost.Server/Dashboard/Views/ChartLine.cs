namespace Outpost.Server.Dashboard.Views;

/// <summary>One line of a chart: one metric and attribute set (e.g. the disk of one mount), oldest point first.</summary>
public sealed record ChartLine(string Label, IReadOnlyList<ChartPoint> Points);
