using System.Globalization;

namespace Outpost.Server.Dashboard;

/// <summary>Lengths of time for the release and alert pages ("3 d 4 h", "12 min", "40 s").</summary>
internal static class Durations
{
    public static string Text(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalSeconds < 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s")
            : span.TotalMinutes < 60 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min")
            : span.TotalHours < 48 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h");
    }
}
