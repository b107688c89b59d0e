using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

/// <summary>Data sovereignty: a source produces a data class that may not leave the site.</summary>
internal static class SovereigntyTrigger
{
    public const string Id = "sovereignty";

    public static SignalResult Evaluate(ResolvedWorkload r)
    {
        var restricted = r.Workload.Sovereignty.RestrictedDataClasses;
        var hits = r.Workload.Sites
            .SelectMany(site => site.Sources.Select(src => (site, src)))
            .Where(x => x.src.DataClass is { } c && restricted.Contains(c, StringComparer.OrdinalIgnoreCase))
            .ToList();
        var restrictedGbPerDay = hits.Sum(x => x.site.Count * x.src.Count * x.src.RawMbps * x.src.HoursPerDay * 3600 / 8000);

        string text;
        if (hits.Count > 0)
        {
            var which = string.Join("; ", hits.Select(x => $"'{x.src.DataClass}' from {x.src.Name} x{x.src.Count} at '{x.site.Name}'"));
            text = $"Data that may not leave the site: {which} ({Fmt.Gb(restrictedGbPerDay)}/day across {hits.Sum(x => x.site.Count)} sites): it must be processed on site, only derived results may go to the cloud.";
        }
        else
        {
            text = restricted.Count == 0
                ? "No restricted data class is declared: all data may leave the site."
                : $"Restricted classes ({string.Join(", ", restricted)}) are declared, but no source produces them.";
        }

        return new SignalResult
        {
            Id = Id,
            Title = "Data sovereignty",
            Met = hits.Count > 0,
            Explanation = text,
            Numbers = new Dictionary<string, double>
            {
                ["restrictedSources"] = hits.Sum(x => x.site.Count * x.src.Count),
                ["restrictedGbPerDay"] = restrictedGbPerDay,
            },
            Sites = hits.Select(x => x.site.Name).Distinct().ToList(),
        };
    }
}
