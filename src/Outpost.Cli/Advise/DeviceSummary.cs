namespace Outpost.Cli.Advise;

internal sealed record DeviceSummary
{
    public required string Class { get; init; }
    public required string Name { get; init; }
    public required string Precision { get; init; }
    public string? Model { get; init; }
    public required double EdgeInferenceMs { get; init; }
    public required string EdgeInferenceSource { get; init; }
    public required double PriceUsd { get; init; }
    public required double PowerWatts { get; init; }
}
