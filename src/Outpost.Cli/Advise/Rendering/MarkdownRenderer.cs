using System.Text;
using Outpost.Cli.Advise.Evaluation;

namespace Outpost.Cli.Advise.Rendering;

internal static class MarkdownRenderer
{
    public static string Render(AdviceReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"# Edge or cloud: {Escape(r.Workload)}");
        sb.AppendLine();
        if (r.Description is not null)
        {
            sb.AppendLine(Escape(r.Description.Trim()));
            sb.AppendLine();
        }

        sb.AppendLine($"{r.Devices} device(s) at {r.Sites} site(s); {r.Device.Name}, {r.Device.Model ?? "model"} {r.Device.Precision.ToUpperInvariant()}, {Fmt.Ms(r.Device.EdgeInferenceMs)} per inference ({Escape(r.Device.EdgeInferenceSource)}).");
        sb.AppendLine();
        foreach (var warning in r.Warnings)
        {
            sb.AppendLine($"> Warning: {Escape(warning)}");
            sb.AppendLine();
        }

        sb.AppendLine($"## Recommendation: **{r.Recommendation.Verdict.ToString().ToUpperInvariant()}**");
        sb.AppendLine();
        sb.AppendLine(Escape(r.Recommendation.Summary));
        sb.AppendLine();
        foreach (var reason in r.Recommendation.Reasons)
        {
            sb.AppendLine($"- {Escape(reason)}");
        }

        foreach (var caveat in r.Recommendation.Caveats)
        {
            sb.AppendLine($"- Weighs against: {Escape(caveat)}");
        }

        Signals(sb, "Triggers", r.Triggers);
        Signals(sb, "Anti-signals", r.AntiSignals);
        sb.AppendLine();
        sb.AppendLine($"## {r.Tco.HorizonMonths}-month cost");
        sb.AppendLine();
        sb.AppendLine("| Category | Edge | Cloud | Basis |");
        sb.AppendLine("|---|---:|---:|---|");
        foreach (var l in r.Tco.Lines)
        {
            sb.AppendLine($"| {l.Category} | {Fmt.Usd(l.EdgeUsd)} | {Fmt.Usd(l.CloudUsd)} | {Escape(l.Basis)} |");
        }

        sb.AppendLine($"| **Total** | **{Fmt.Usd(r.Tco.EdgeTotalUsd)}** | **{Fmt.Usd(r.Tco.CloudTotalUsd)}** | |");
        sb.AppendLine();
        sb.AppendLine(Escape(r.Tco.Explanation));
        sb.AppendLine();
        sb.AppendLine("## Egress saving");
        sb.AppendLine();
        sb.AppendLine(Escape(r.EgressSaving.Explanation));
        sb.AppendLine();
        sb.AppendLine($"## Sensitivity (±{Fmt.N(r.Sensitivity.Percent)}%)");
        sb.AppendLine();
        sb.AppendLine(Escape(r.Sensitivity.Summary));
        sb.AppendLine();
        sb.AppendLine("| Assumption | Now | −: verdict | +: verdict | Cheaper option changes | Crossover |");
        sb.AppendLine("|---|---:|---|---|---|---:|");
        foreach (var row in r.Sensitivity.Rows)
        {
            var cross = row.CostCrossoverValue is { } c ? $"{Fmt.N(c)} {row.Unit}" : "—";
            sb.AppendLine($"| {row.Assumption} | {Fmt.N(row.BaseValue)} {row.Unit} | {row.VerdictLow} | {row.VerdictHigh} | {(row.FlipsCheaperOption ? "yes" : "no")} | {cross} |");
        }

        if (r.DefaultedPrices.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"> Default prices used for: {string.Join(", ", r.DefaultedPrices)}. They are list-price orders of magnitude; set your own under `prices:`.");
        }

        return sb.ToString();
    }

    private static void Signals(StringBuilder sb, string title, IReadOnlyList<SignalResult> signals)
    {
        sb.AppendLine();
        sb.AppendLine($"## {title}");
        sb.AppendLine();
        foreach (var s in signals)
        {
            sb.AppendLine($"- [{(s.Met ? "x" : " ")}] **{s.Title}**: {Escape(s.Explanation)}");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
