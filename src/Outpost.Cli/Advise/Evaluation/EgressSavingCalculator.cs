using Outpost.Cli.Advise.Costs;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

internal static class EgressSavingCalculator
{
    public static EgressSaving Compute(ResolvedWorkload r)
    {
        var sites = r.Workload.Sites;
        var rawDay = sites.Sum(s => s.Count * Traffic.RawGbPerDay(s));
        var reducedDay = sites.Sum(s => s.Count * Traffic.ReducedGbPerDay(s));
        var saved = sites.Sum(s => Traffic.RawGbPerMonth(s) - Traffic.ReducedGbPerMonth(s));
        var saving = sites.Sum(s => (Traffic.RawGbPerMonth(s) - Traffic.ReducedGbPerMonth(s)) * r.Prices.TransferPerGb(s.Link));
        var effective = saved > 0 ? saving / saved : r.Prices.EgressPerGb + r.Prices.IngestPerGb;
        double? reference = saved > 0 ? EgressSaving.ReferenceMonthlyUsd / saved : null;
        var text = saved > 0
            ? $"Edge filtering cuts {Fmt.Gb(rawDay)}/day to {Fmt.Gb(reducedDay)}/day: {Fmt.Gb(saved)}/month not sent x {Fmt.Price(effective)}/GB = {Fmt.Usd(saving)}/month saved. " +
              $"It is 'about {Fmt.Usd(EgressSaving.ReferenceMonthlyUsd)}/month' only at {Fmt.Price(reference!.Value)}/GB."
            : "No on-site reduction is declared (edgeReductionPercent is 0): nothing is saved in transfer.";
        return new EgressSaving
        {
            RawGbPerDay = rawDay,
            ReducedGbPerDay = reducedDay,
            SavedGbPerMonth = saved,
            SavingUsdPerMonth = saving,
            EffectivePricePerGb = effective,
            PriceForReferenceSavingPerGb = reference,
            Explanation = text,
        };
    }
}
