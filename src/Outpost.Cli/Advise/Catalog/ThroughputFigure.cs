namespace Outpost.Cli.Advise.Catalog;

/// <summary>Typical batch-1 throughput of a reference model on a device class, with where the number comes from.</summary>
internal sealed record ThroughputFigure
{
    public required string Model { get; init; }
    public required string Precision { get; init; }
    public required double Fps { get; init; }
    public required string Source { get; init; }
}
