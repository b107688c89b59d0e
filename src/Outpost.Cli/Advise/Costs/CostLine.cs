namespace Outpost.Cli.Advise.Costs;

/// <summary>One cost category over the whole horizon, for both options, with how it was computed.</summary>
internal sealed record CostLine
{
    public required string Category { get; init; }
    public required double EdgeUsd { get; init; }
    public required double CloudUsd { get; init; }
    public required string Basis { get; init; }
}
