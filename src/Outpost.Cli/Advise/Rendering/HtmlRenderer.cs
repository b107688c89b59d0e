using System.Net;
using System.Text;
using Outpost.Cli.Advise.Evaluation;

namespace Outpost.Cli.Advise.Rendering;

/// <summary>A self-contained report: inline CSS and SVG, no script, no external asset.</summary>
internal static class HtmlRenderer
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}" +
        "td.n{text-align:right;white-space:nowrap}.verdict{font-size:1.6em;font-weight:bold}.met{color:#b30}.not{color:#777}" +
        ".caveat{color:#a60}small{color:#666}";

    public static string Render(AdviceReport r)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Edge or cloud: ").Append(E(r.Workload)).Append("</title>");
        sb.Append("<style>").Append(Style).Append("</style></head><body>");
        sb.Append("<h1>Edge or cloud: ").Append(E(r.Workload)).Append("</h1>");
        if (r.Description is not null)
        {
            sb.Append("<p>").Append(E(r.Description)).Append("</p>");
        }

        sb.Append("<p>").Append(E($"{r.Devices} device(s) at {r.Sites} site(s); {r.Device.Name}, {r.Device.Model ?? "model"} {r.Device.Precision.ToUpperInvariant()}, {Fmt.Ms(r.Device.EdgeInferenceMs)} per inference")).Append(" <small>(").Append(E(r.Device.EdgeInferenceSource)).Append(")</small></p>");
        foreach (var warning in r.Warnings)
        {
            sb.Append("<p class=\"caveat\">Warning: ").Append(E(warning)).Append("</p>");
        }

        sb.Append("<p class=\"verdict\">Recommendation: ").Append(E(r.Recommendation.Verdict.ToString().ToUpperInvariant())).Append("</p>");
        sb.Append("<p>").Append(E(r.Recommendation.Summary)).Append("</p><ul>");
        foreach (var reason in r.Recommendation.Reasons)
        {
            sb.Append("<li>").Append(E(reason)).Append("</li>");
        }

        foreach (var caveat in r.Recommendation.Caveats)
        {
            sb.Append("<li class=\"caveat\">Weighs against: ").Append(E(caveat)).Append("</li>");
        }

        sb.Append("</ul>");
        Signals(sb, "Triggers", r.Triggers);
        Signals(sb, "Anti-signals", r.AntiSignals);
        sb.Append("<h2>Cost over time</h2>").Append(SvgCostChart.Render(r.Tco));
        sb.Append("<p>").Append(E(r.Tco.Explanation)).Append("</p>");
        sb.Append("<table><tr><th>Category</th><th>Edge</th><th>Cloud</th><th>Basis</th></tr>");
        foreach (var l in r.Tco.Lines)
        {
            sb.Append("<tr><td>").Append(E(l.Category)).Append("</td><td class=\"n\">").Append(E(Fmt.Usd(l.EdgeUsd)))
              .Append("</td><td class=\"n\">").Append(E(Fmt.Usd(l.CloudUsd))).Append("</td><td><small>").Append(E(l.Basis)).Append("</small></td></tr>");
        }

        sb.Append("<tr><th>Total</th><th class=\"n\">").Append(E(Fmt.Usd(r.Tco.EdgeTotalUsd))).Append("</th><th class=\"n\">")
          .Append(E(Fmt.Usd(r.Tco.CloudTotalUsd))).Append("</th><th></th></tr></table>");
        sb.Append("<h2>Egress saving</h2><p>").Append(E(r.EgressSaving.Explanation)).Append("</p>");
        sb.Append("<h2>Sensitivity (±").Append(E(Fmt.N(r.Sensitivity.Percent))).Append("%)</h2><p>").Append(E(r.Sensitivity.Summary)).Append("</p><ul>");
        foreach (var row in r.Sensitivity.Rows)
        {
            sb.Append("<li>").Append(E(row.Explanation)).Append("</li>");
        }

        sb.Append("</ul>");
        if (r.DefaultedPrices.Count > 0)
        {
            sb.Append("<p><small>Default prices used for: ").Append(E(string.Join(", ", r.DefaultedPrices)))
              .Append(". They are list-price orders of magnitude; set your own under <code>prices:</code>.</small></p>");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Signals(StringBuilder sb, string title, IReadOnlyList<SignalResult> signals)
    {
        sb.Append("<h2>").Append(E(title)).Append("</h2><table>");
        foreach (var s in signals)
        {
            sb.Append("<tr><td class=\"").Append(s.Met ? "met" : "not").Append("\">").Append(s.Met ? "&#10003; met" : "not met")
              .Append("</td><td><b>").Append(E(s.Title)).Append("</b><br>").Append(E(s.Explanation)).Append("</td></tr>");
        }

        sb.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
