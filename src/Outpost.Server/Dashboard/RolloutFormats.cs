using System.Globalization;

namespace Outpost.Server.Dashboard;

/// <summary>How the rollout pages write durations and gate values.</summary>
internal static class RolloutFormats
{
    /// <summary>"0s", "45s", "10m", "1h 30m", "2d 3h": at most two units, as specs are written.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span <= TimeSpan.Zero)
        {
            return "0s";
        }

        var parts = new List<string>();
        if (span.Days > 0)
        {
            parts.Add($"{span.Days}d");
        }

        if (span.Hours > 0)
        {
            parts.Add($"{span.Hours}h");
        }

        if (span.Minutes > 0)
        {
            parts.Add($"{span.Minutes}m");
        }

        if (span.Seconds > 0 || parts.Count == 0)
        {
            parts.Add($"{span.Seconds}s");
        }

        return string.Join(" ", parts.Take(2));
    }

    public static string Value(double? value) =>
        value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "—";

    /// <summary>Actions as the buttons name them: Pause, Resume, Promote, Abort.</summary>
    public static string Label(string action) => char.ToUpperInvariant(action[0]) + action[1..];
}
