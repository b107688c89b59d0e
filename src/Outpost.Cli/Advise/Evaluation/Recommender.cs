using Outpost.Cli.Advise.Costs;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>
/// Latency and sovereignty are physical or legal limits: when they hold, no price makes the cloud an option.
/// Offline need decides per site. Bandwidth is an economic trigger: edge when the anti-signals do not pile up,
/// otherwise hybrid (reduce on cheap gateways, keep the models in the cloud). No trigger: stay in the cloud.
/// </summary>
internal static class Recommender
{
    public static Recommendation Decide(IReadOnlyList<SignalResult> triggers, IReadOnlyList<SignalResult> antiSignals, TcoResult tco, int totalSites)
    {
        var met = triggers.Where(t => t.Met).ToList();
        var present = antiSignals.Where(a => a.Met).ToList();
        bool Has(string id) => met.Any(t => t.Id == id);
        var reasons = met.Select(t => $"{t.Title}: {t.Explanation}").ToList();
        var caveats = present.Select(a => $"{a.Title}: {a.Explanation}").ToList();
        reasons.Add(tco.Explanation);

        if (Has(LatencyTrigger.Id) || Has(SovereigntyTrigger.Id))
        {
            var hard = met.Where(t => t.Id is LatencyTrigger.Id or SovereigntyTrigger.Id).Select(t => t.Title.ToLowerInvariant()).ToList();
            var verb = hard.Count == 1 ? "rules" : "rule";
            return Build(Verdict.Edge, $"Edge: {string.Join(" and ", hard)} {verb} the cloud out, whatever it costs.", reasons, caveats);
        }

        if (Has(OfflineTrigger.Id))
        {
            var offline = met.First(t => t.Id == OfflineTrigger.Id);
            var exposed = (int)offline.Numbers["sitesWithOutages"];
            return exposed < totalSites
                ? Build(Verdict.Hybrid, $"Hybrid: run at the edge on the {exposed} sites whose links fail ({string.Join(", ", offline.Sites)}); the other {totalSites - exposed} can use the cloud.", reasons, caveats)
                : Build(Verdict.Edge, "Edge: the service must keep running through outages every site has.", reasons, caveats);
        }

        if (Has(BandwidthTrigger.Id))
        {
            return present.Count >= 2
                ? Build(Verdict.Hybrid, $"Hybrid: reduce data on site, but {present.Count} anti-signals argue against running a full edge fleet; keep models and dashboards in the cloud.", reasons, caveats)
                : Build(Verdict.Edge, "Edge: the raw data is too big or too expensive to ship; process it on site.", reasons, caveats);
        }

        reasons.Insert(0, "No trigger is met: latency, bandwidth, offline need and sovereignty all allow the cloud.");
        reasons.AddRange(present.Select(a => $"{a.Title}: {a.Explanation}"));
        return Build(Verdict.Cloud, "Cloud: nothing here needs the edge.", reasons, []);
    }

    private static Recommendation Build(Verdict verdict, string summary, List<string> reasons, List<string> caveats) =>
        new() { Verdict = verdict, Summary = summary, Reasons = reasons, Caveats = caveats };
}
