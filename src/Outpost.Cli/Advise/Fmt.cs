using System.Globalization;

namespace Outpost.Cli.Advise;

/// <summary>Number formatting for the human sentences (invariant culture, units attached).</summary>
internal static class Fmt
{
    public static string Ms(double v) => $"{N(v)} ms";
    public static string Usd(double v) => v >= 100 || v == 0
        ? "$" + v.ToString("#,0", CultureInfo.InvariantCulture)
        : "$" + v.ToString("#,0.##", CultureInfo.InvariantCulture);
    public static string Price(double v) => "$" + v.ToString(v < 0.01 ? "0.#####" : "0.###", CultureInfo.InvariantCulture);
    public static string Gb(double v) => $"{N(v)} GB";
    public static string Pct(double v) => v.ToString("0.##", CultureInfo.InvariantCulture) + "%";
    public static string N(double v) => Math.Abs(v) switch
    {
        >= 100 => v.ToString("#,0", CultureInfo.InvariantCulture),
        >= 1 or 0 => v.ToString("#,0.##", CultureInfo.InvariantCulture),
        _ => v.ToString("0.####", CultureInfo.InvariantCulture), // keep small prices such as $0.002 per 1k visible
    };
}
