using System.Text;
using Outpost.Cli.Advise.Evaluation;

namespace Outpost.Cli.Advise.Rendering;

/// <summary>The terminal report: verdict first, then the arithmetic behind it.</summary>
internal static class TextRenderer
{
    public static string Render(AdviceReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"outpost advise: {r.Workload}");
        sb.AppendLine($"  {r.Devices} device(s) at {r.Sites} site(s); {r.Device.Name}, {r.Device.Model ?? "model"} {r.Device.Precision.ToUpperInvariant()}, {Fmt.Ms(r.Device.EdgeInferenceMs)} per inference ({r.Device.EdgeInferenceSource})");
        foreach (var warning in r.Warnings)
        {
            sb.AppendLine($"  warning: {warning}");
        }

        sb.AppendLine();
        sb.AppendLine($"RECOMMENDATION: {r.Recommendation.Verdict.ToString().ToUpperInvariant()}");
        sb.AppendLine($"  {r.Recommendation.Summary}");
        foreach (var reason in r.Recommendation.Reasons)
        {
            sb.AppendLine($"  - {reason}");
        }

        foreach (var caveat in r.Recommendation.Caveats)
        {
            sb.AppendLine($"  ! weighs against: {caveat}");
        }

        Signals(sb, "Triggers (any one can justify the edge)", r.Triggers);
        Signals(sb, "Anti-signals (reasons to stay in the cloud)", r.AntiSignals);

        sb.AppendLine();
        sb.AppendLine($"{r.Tco.HorizonMonths}-month cost                      {"edge",12} {"cloud",12}");
        foreach (var line in r.Tco.Lines)
        {
            sb.AppendLine($"  {line.Category,-36} {Fmt.Usd(line.EdgeUsd),12} {Fmt.Usd(line.CloudUsd),12}");
        }

        sb.AppendLine($"  {"Total",-36} {Fmt.Usd(r.Tco.EdgeTotalUsd),12} {Fmt.Usd(r.Tco.CloudTotalUsd),12}");
        sb.AppendLine($"  {r.Tco.Explanation}");
        sb.AppendLine();
        sb.AppendLine("Egress saving");
        sb.AppendLine($"  {r.EgressSaving.Explanation}");
        sb.AppendLine();
        sb.AppendLine($"Sensitivity (±{Fmt.N(r.Sensitivity.Percent)}%)");
        sb.AppendLine($"  {r.Sensitivity.Summary}");
        if (r.DefaultedPrices.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine($"Default prices used for: {string.Join(", ", r.DefaultedPrices)}. They are list-price orders of magnitude; set your own under prices: (docs/advise/README.md).");
        }

        return sb.ToString();
    }

    private static void Signals(StringBuilder sb, string title, IReadOnlyList<SignalResult> signals)
    {
        sb.AppendLine();
        sb.AppendLine(title);
        foreach (var s in signals)
        {
            sb.AppendLine($"  [{(s.Met ? "x" : " ")}] {s.Title}: {s.Explanation}");
        }
    }
}
