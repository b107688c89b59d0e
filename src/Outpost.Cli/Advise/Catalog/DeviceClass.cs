namespace Outpost.Cli.Advise.Catalog;

internal sealed record DeviceClass
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Accelerator { get; init; }

    /// <summary>Precisions the accelerator executes natively (lower case: int8, fp16, fp32).</summary>
    public required IReadOnlyList<string> Precisions { get; init; }

    public required string FastestPrecision { get; init; }
    public required double PriceUsd { get; init; }
    public required string PriceSource { get; init; }
    public required double PowerWatts { get; init; }
    public required string PowerSource { get; init; }
    public IReadOnlyList<ThroughputFigure> Throughput { get; init; } = [];
    public string? Notes { get; init; }

    public bool Supports(string precision) =>
        Precisions.Contains(precision, StringComparer.OrdinalIgnoreCase);

    public ThroughputFigure? FigureFor(string model, string precision) =>
        Throughput.FirstOrDefault(t =>
            string.Equals(t.Model, model, StringComparison.OrdinalIgnoreCase)
            && string.Equals(t.Precision, precision, StringComparison.OrdinalIgnoreCase));
}
