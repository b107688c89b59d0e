using Outpost.Cli.Advise.Costs;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>
/// Prohibitive bandwidth: some site's raw peak does not fit its uplink, or shipping the raw data costs more per
/// month than the whole edge fleet does (its horizon TCO spread per month).
/// </summary>
internal static class BandwidthTrigger
{
    public const string Id = "bandwidth";

    public static SignalResult Evaluate(ResolvedWorkload r, TcoResult tco)
    {
        var sites = r.Workload.Sites;
        var saturated = sites.Where(s => Traffic.PeakRawMbps(s) > s.Link.UplinkMbps).ToList();
        var rawGb = sites.Sum(Traffic.RawGbPerMonth);
        var rawCost = sites.Sum(s => Traffic.RawGbPerMonth(s) * r.Prices.TransferPerGb(s.Link));
        var edgeMonthly = tco.EdgeMonthlyAverageUsd;
        var tooExpensive = rawCost > edgeMonthly;

        var parts = new List<string>();
        if (saturated.Count > 0)
        {
            var s = saturated.OrderByDescending(x => Traffic.PeakRawMbps(x) / x.Link.UplinkMbps).First();
            parts.Add($"raw peak at '{s.Name}' {Fmt.N(Traffic.PeakRawMbps(s))} Mbps > uplink {Fmt.N(s.Link.UplinkMbps)} Mbps: the link cannot carry the raw data");
        }

        var costSentence = $"raw upload {Fmt.Gb(rawGb)}/month costs {Fmt.Usd(rawCost)}/month " +
            (tooExpensive ? ">" : "<=") + $" the edge fleet's {Fmt.Usd(edgeMonthly)}/month (its {tco.HorizonMonths}-month cost / {tco.HorizonMonths})";
        if (tooExpensive || saturated.Count == 0)
        {
            parts.Add(costSentence);
        }

        var met = saturated.Count > 0 || tooExpensive;
        var text = string.Join("; ", parts) + (met ? ": filter on site." : ": the network can take the raw data.");
        return new SignalResult
        {
            Id = Id,
            Title = "Prohibitive bandwidth",
            Met = met,
            Explanation = char.ToUpperInvariant(text[0]) + text[1..],
            Numbers = new Dictionary<string, double>
            {
                ["rawGbPerMonth"] = rawGb,
                ["reducedGbPerMonth"] = sites.Sum(Traffic.ReducedGbPerMonth),
                ["rawTransferUsdPerMonth"] = rawCost,
                ["edgeFleetUsdPerMonth"] = edgeMonthly,
                ["sitesOverUplink"] = saturated.Sum(s => s.Count),
                ["maxPeakRawMbps"] = sites.Max(Traffic.PeakRawMbps),
            },
            Sites = saturated.Select(s => s.Name).ToList(),
        };
    }
}
