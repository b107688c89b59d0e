using System.Globalization;
using System.Text.RegularExpressions;

namespace Outpost.Server.Rollouts;

/// <summary>Spec durations: <c>0</c>, or days/hours/minutes/seconds in that order, e.g. <c>90s</c>, <c>10m</c>, <c>1h30m</c>, <c>2d</c>.</summary>
internal static partial class RolloutDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (text is null)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed == "0")
        {
            return true;
        }

        var match = Pattern().Match(trimmed);
        if (!match.Success || trimmed.Length == 0)
        {
            return false;
        }

        double Part(string name) => match.Groups[name].Success ? double.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture) : 0;
        var seconds = (Part("d") * 86400) + (Part("h") * 3600) + (Part("m") * 60) + Part("s");
        if (seconds > TimeSpan.FromDays(365).TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a rollout duration.");

    [GeneratedRegex(@"^(?=\d)(?:(?<d>\d{1,4})d)?(?:(?<h>\d{1,5})h)?(?:(?<m>\d{1,6})m)?(?:(?<s>\d{1,8})s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
