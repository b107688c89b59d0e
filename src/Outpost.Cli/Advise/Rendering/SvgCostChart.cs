using System.Globalization;
using System.Text;
using Outpost.Cli.Advise.Costs;

namespace Outpost.Cli.Advise.Rendering;

/// <summary>Cumulative cost over time for edge and cloud as inline SVG (no xmlns: inline SVG in HTML5 needs none, and the report carries no URL).</summary>
internal static class SvgCostChart
{
    private const int Width = 720;
    private const int Height = 320;
    private const int Left = 80;
    private const int Right = 20;
    private const int Top = 20;
    private const int Bottom = 40;

    public static string Render(TcoResult tco)
    {
        var h = tco.HorizonMonths;
        var max = Math.Max(1, Math.Max(tco.CumulativeEdgeUsd.Max(), tco.CumulativeCloudUsd.Max())) * 1.05;
        double X(int m) => Left + ((Width - Left - Right) * (double)m / h);
        double Y(double v) => Top + ((Height - Top - Bottom) * (1 - (v / max)));

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"Cumulative cost over {h} months\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#fff\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var v = max / 1.05 * i / 4;
            var y = Y(v);
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" font-size=\"11\">{Fmt.Usd(v)}</text>");
        }

        var step = h <= 12 ? 1 : h <= 36 ? 6 : 12;
        for (var m = 0; m <= h; m += step)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(m):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"11\">{m}</text>");
        }

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 6}\" text-anchor=\"middle\" font-size=\"12\">month</text>");
        if (tco.BreakEvenMonth is { } be)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(be):0.#}\" y1=\"{Top}\" x2=\"{X(be):0.#}\" y2=\"{Height - Bottom}\" stroke=\"#2a7\" stroke-dasharray=\"4 3\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(be) + 4:0.#}\" y=\"{Top + 12}\" font-size=\"11\" fill=\"#2a7\">break-even, month {be}</text>");
        }

        Series(sb, tco.CumulativeEdgeUsd, "#1f6feb", X, Y);
        Series(sb, tco.CumulativeCloudUsd, "#d9822b", X, Y);
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 10}\" y=\"{Top + 20}\" width=\"12\" height=\"3\" fill=\"#1f6feb\"/><text x=\"{Left + 28}\" y=\"{Top + 25}\" font-size=\"12\">edge</text>");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left + 10}\" y=\"{Top + 36}\" width=\"12\" height=\"3\" fill=\"#d9822b\"/><text x=\"{Left + 28}\" y=\"{Top + 41}\" font-size=\"12\">cloud</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Series(StringBuilder sb, IReadOnlyList<double> values, string color, Func<int, double> x, Func<double, double> y)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\" points=\"");
        for (var m = 0; m < values.Count; m++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{x(m):0.#},{y(values[m]):0.#} ");
        }

        sb.Append("\"/>");
    }
}
