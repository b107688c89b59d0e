using Outpost.Cli.Advise.Evaluation;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Sensitivity;

/// <summary>Varies each assumption by ±X% and reports which ones change the verdict or the cheaper option.</summary>
internal static class SensitivityAnalyzer
{
    private const double MinFactor = 0.01;
    private const double MaxFactor = 10;

    public static SensitivityResult Analyze(ResolvedWorkload r, Assessment baseCase)
    {
        var pct = r.Workload.Analysis.SensitivityPercent;
        var rows = Assumptions.All.Select(a => Row(r, baseCase, a, pct)).ToList();
        var swinging = rows.Where(x => x.FlipsVerdict || x.FlipsCheaperOption).ToList();
        var summary = swinging.Count == 0
            ? $"No single assumption varied by ±{Fmt.N(pct)}% changes the answer."
            : $"Varied by ±{Fmt.N(pct)}%, these swing the answer: " + string.Join("; ", swinging.Select(x => x.Explanation)) + ".";
        return new SensitivityResult { Percent = pct, Rows = rows, Summary = summary };
    }

    private static SensitivityRow Row(ResolvedWorkload r, Assessment baseCase, Assumption a, double pct)
    {
        var low = Assessor.Assess(a.Scale(r, 1 - (pct / 100)));
        var high = Assessor.Assess(a.Scale(r, 1 + (pct / 100)));
        var baseVerdict = baseCase.Recommendation.Verdict;
        var baseCheaper = baseCase.Tco.EdgeCheaper;
        var flipsVerdict = low.Recommendation.Verdict != baseVerdict || high.Recommendation.Verdict != baseVerdict;
        var flipsCost = low.Tco.EdgeCheaper != baseCheaper || high.Tco.EdgeCheaper != baseCheaper;
        var baseValue = a.Value(r);
        var crossover = Crossover(r, a, baseCheaper) * baseValue;

        var parts = new List<string>();
        if (flipsVerdict)
        {
            parts.Add($"{a.Name} {Fmt.N(baseValue)} {a.Unit} -{Fmt.N(pct)}% → {low.Recommendation.Verdict.ToString().ToLowerInvariant()}, +{Fmt.N(pct)}% → {high.Recommendation.Verdict.ToString().ToLowerInvariant()}");
        }

        if (flipsCost || crossover is not null)
        {
            var who = baseCheaper ? "edge stays cheaper" : "the cloud stays cheaper";
            parts.Add(crossover is { } c
                ? $"{a.Name}: {who} only while it is {(c < baseValue ? "above" : "below")} {Fmt.N(c)} {a.Unit} (now {Fmt.N(baseValue)})"
                : $"{a.Name} ±{Fmt.N(pct)}% changes which option is cheaper");
        }

        return new SensitivityRow
        {
            Assumption = a.Name,
            BaseValue = baseValue,
            Unit = a.Unit,
            VerdictLow = low.Recommendation.Verdict,
            VerdictHigh = high.Recommendation.Verdict,
            EdgeCheaperLow = low.Tco.EdgeCheaper,
            EdgeCheaperHigh = high.Tco.EdgeCheaper,
            FlipsVerdict = flipsVerdict,
            FlipsCheaperOption = flipsCost,
            CostCrossoverValue = crossover,
            Explanation = parts.Count == 0 ? $"{a.Name}: no change within ±{Fmt.N(pct)}%" : string.Join("; ", parts),
        };
    }

    private static bool Cheaper(ResolvedWorkload r, Assumption a, double factor) => Assessor.Assess(a.Scale(r, factor)).Tco.EdgeCheaper;

    // Bisection on the factor between the base (1) and whichever end of [MinFactor, MaxFactor] flips the cheaper option.
    private static double? Crossover(ResolvedWorkload r, Assumption a, bool baseCheaper)
    {
        if (a.Value(r) == 0)
        {
            return null;
        }

        foreach (var end in new[] { MinFactor, MaxFactor })
        {
            if (Cheaper(r, a, end) == baseCheaper)
            {
                continue;
            }

            double inside = 1, outside = end;
            for (var i = 0; i < 40; i++)
            {
                var mid = Math.Sqrt(inside * outside);
                if (Cheaper(r, a, mid) == baseCheaper)
                {
                    inside = mid;
                }
                else
                {
                    outside = mid;
                }
            }

            return outside;
        }

        return null;
    }
}
