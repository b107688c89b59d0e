namespace Outpost.Server.Dashboard.Views;

/// <summary>
/// What <c>LineChart</c> draws: lines over the time range [From, To]. <see cref="Metric"/> is the chart's key
/// (<c>figure[data-metric]</c>): cpu, memory, swap, disk, temperature, network.
/// </summary>
public sealed record ChartSeries(
    string Metric, string Title, ChartUnit Unit, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ChartLine> Lines)
{
    /// <summary>The metric names the lines come from, for the caption (what an operator would query in the CLI).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
}
