namespace Outpost.Cli.Advise.Evaluation;

/// <summary>What on-site reduction saves in transfer at the user's price, and the price at which it saves $1,000/month.</summary>
internal sealed record EgressSaving
{
    public const double ReferenceMonthlyUsd = 1000;

    public required double RawGbPerDay { get; init; }
    public required double ReducedGbPerDay { get; init; }
    public required double SavedGbPerMonth { get; init; }
    public required double SavingUsdPerMonth { get; init; }

    /// <summary>Saving-weighted transfer price per GB actually used (egress or cellular, plus ingest).</summary>
    public required double EffectivePricePerGb { get; init; }

    /// <summary>The $/GB at which the saving is <see cref="ReferenceMonthlyUsd"/> per month; null when nothing is saved.</summary>
    public double? PriceForReferenceSavingPerGb { get; init; }

    public required string Explanation { get; init; }
}
