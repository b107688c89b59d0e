using System.Globalization;

namespace Outpost.Server.Alerts;

/// <summary>Numbers and durations in alert summaries, culture-invariant so every server writes the same text.</summary>
internal static class AlertText
{
    public static string Percent(double ratio) => (ratio * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A duration in its largest whole unit: 45s, 12m, 5h, 3d.</summary>
    public static string Ago(TimeSpan span)
    {
        span = span.Duration();
        static string Whole(double v, string unit) => ((long)Math.Floor(v)).ToString(CultureInfo.InvariantCulture) + unit;
        return span < TimeSpan.FromMinutes(1) ? Whole(span.TotalSeconds, "s")
            : span < TimeSpan.FromHours(1) ? Whole(span.TotalMinutes, "m")
            : span < TimeSpan.FromDays(1) ? Whole(span.TotalHours, "h")
            : Whole(span.TotalDays, "d");
    }
}
