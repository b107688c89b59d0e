using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Costs;

/// <summary>Data volumes per site profile. Months are 365/12 days; 1 GB = 1000 MB = 8000 Mb.</summary>
internal static class Traffic
{
    public const double DaysPerMonth = 365.0 / 12;
    public const double HoursPerMonth = 24 * DaysPerMonth;

    /// <summary>Peak raw upstream of one site when every source streams at once.</summary>
    public static double PeakRawMbps(SiteSpec site) => site.Sources.Sum(s => s.Count * s.RawMbps);

    public static double RawGbPerDay(SiteSpec site) => site.Sources.Sum(s => GbPerDay(s));

    public static double ReducedGbPerDay(SiteSpec site) =>
        site.Sources.Sum(s => GbPerDay(s) * (1 - (s.EdgeReductionPercent / 100)));

    /// <summary>Raw GB per month over all sites of this profile.</summary>
    public static double RawGbPerMonth(SiteSpec site) => site.Count * RawGbPerDay(site) * DaysPerMonth;

    public static double ReducedGbPerMonth(SiteSpec site) => site.Count * ReducedGbPerDay(site) * DaysPerMonth;

    public static double InferencesPerMonth(SiteSpec site) =>
        site.Count * site.Sources.Sum(s => s.Count * s.InferencesPerSecond * s.HoursPerDay * 3600) * DaysPerMonth;

    private static double GbPerDay(SourceSpec s) => s.Count * s.RawMbps * s.HoursPerDay * 3600 / 8000;
}
