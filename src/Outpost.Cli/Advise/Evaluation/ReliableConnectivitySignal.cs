using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Anti-signal: every link is at least 99.9% available and no outage lasts over an hour.</summary>
internal static class ReliableConnectivitySignal
{
    public const string Id = "reliable-connectivity";
    public const double MinAvailabilityPercent = 99.9;
    public const double MaxOutageHours = 1;

    public static SignalResult Evaluate(ResolvedWorkload r)
    {
        var sites = r.Workload.Sites;
        var weak = sites.Where(s => s.Link.AvailabilityPercent < MinAvailabilityPercent || s.Link.LongestOutageHours > MaxOutageHours).ToList();
        var minAvail = sites.Min(s => s.Link.AvailabilityPercent);
        var longest = sites.Max(s => s.Link.LongestOutageHours);
        var text = weak.Count == 0
            ? $"Every link is >= {Fmt.Pct(MinAvailabilityPercent)} available (lowest {Fmt.Pct(minAvail)} = {Fmt.N(OfflineTrigger.DowntimeHoursPerMonth(sites.MinBy(s => s.Link.AvailabilityPercent)!))} h/month down) with outages of at most {Fmt.N(longest)} h."
            : $"{weak.Sum(s => s.Count)} of {r.TotalSites} sites fall short of {Fmt.Pct(MinAvailabilityPercent)} availability or <= {Fmt.N(MaxOutageHours)} h outages (lowest {Fmt.Pct(minAvail)}, longest outage {Fmt.N(longest)} h).";
        return new SignalResult
        {
            Id = Id,
            Title = "Reliable connectivity",
            Met = weak.Count == 0,
            Explanation = text,
            Numbers = new Dictionary<string, double>
            {
                ["lowestAvailabilityPercent"] = minAvail,
                ["longestOutageHours"] = longest,
                ["thresholdAvailabilityPercent"] = MinAvailabilityPercent,
            },
            Sites = weak.Select(s => s.Name).ToList(),
        };
    }
}
