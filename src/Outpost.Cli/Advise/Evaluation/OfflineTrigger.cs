using Outpost.Cli.Advise.Costs;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Mandatory offline operation: the service must keep running and some site's link goes down.</summary>
internal static class OfflineTrigger
{
    public const string Id = "offline";

    public static SignalResult Evaluate(ResolvedWorkload r)
    {
        var w = r.Workload;
        var exposed = w.Sites.Where(IsExposed).ToList();
        var worst = w.Sites.Max(DowntimeHoursPerMonth);
        var longest = w.Sites.Max(s => s.Link.LongestOutageHours);
        var numbers = new Dictionary<string, double>
        {
            ["sitesWithOutages"] = exposed.Sum(s => s.Count),
            ["totalSites"] = r.TotalSites,
            ["worstDowntimeHoursPerMonth"] = worst,
            ["longestOutageHours"] = longest,
            ["requiredOutageHours"] = w.Offline.MaxOutageHours,
        };

        string text;
        bool met;
        if (!w.Offline.MustRunThroughOutages)
        {
            met = false;
            text = "offline.mustRunThroughOutages is false: the service may pause while a link is down.";
        }
        else if (exposed.Count == 0)
        {
            met = false;
            text = "The service must run through outages, but every link is 100% available with no outages: a cloud service stays reachable.";
        }
        else
        {
            met = true;
            var s = exposed.OrderByDescending(DowntimeHoursPerMonth).First();
            text = $"The service must run through outages of up to {Fmt.N(w.Offline.MaxOutageHours)} h; " +
                $"{exposed.Sum(x => x.Count)} of {r.TotalSites} sites lose their link (worst: '{s.Name}', " +
                $"{Fmt.Pct(s.Link.AvailabilityPercent)} available = {Fmt.N(DowntimeHoursPerMonth(s))} h/month down, " +
                $"outages up to {Fmt.N(s.Link.LongestOutageHours)} h): a cloud-only service stops for those hours.";
        }

        return new SignalResult
        {
            Id = Id,
            Title = "Mandatory offline operation",
            Met = met,
            Explanation = text,
            Numbers = numbers,
            Sites = met ? exposed.Select(x => x.Name).ToList() : [],
        };
    }

    public static double DowntimeHoursPerMonth(SiteSpec s) => (100 - s.Link.AvailabilityPercent) / 100 * Traffic.HoursPerMonth;

    private static bool IsExposed(SiteSpec s) =>
        s.Link.AvailabilityPercent < 100 || s.Link.OutagesPerMonth > 0 || s.Link.LongestOutageHours > 0;
}
