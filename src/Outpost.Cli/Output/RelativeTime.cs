using System.Globalization;

namespace Outpost.Cli.Output;

/// <summary>"12s ago", "3h ago", "in 29d": how far a moment is from now, coarse enough to read at a glance.</summary>
internal static class RelativeTime
{
    public static string Format(DateTimeOffset? at, DateTimeOffset now, string whenMissing = "never")
    {
        if (at is not { } moment)
        {
            return whenMissing;
        }

        var delta = now - moment;
        var span = delta.Duration();
        if (span < TimeSpan.FromSeconds(1))
        {
            return "just now";
        }

        var amount = Amount(span);
        return delta > TimeSpan.Zero ? $"{amount} ago" : $"in {amount}";
    }

    /// <summary>A duration as its largest unit: 45s, 12m, 5h, 3d.</summary>
    public static string Amount(TimeSpan span)
    {
        span = span.Duration();
        return span switch
        {
            _ when span < TimeSpan.FromMinutes(1) => Whole(span.TotalSeconds, "s"),
            _ when span < TimeSpan.FromHours(1) => Whole(span.TotalMinutes, "m"),
            _ when span < TimeSpan.FromDays(1) => Whole(span.TotalHours, "h"),
            _ => Whole(span.TotalDays, "d"),
        };
    }

    /// <summary>An absolute timestamp for the detail views, in UTC so it reads the same on every machine.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Whole(double value, string unit) =>
        ((long)Math.Floor(value)).ToString(CultureInfo.InvariantCulture) + unit;
}
