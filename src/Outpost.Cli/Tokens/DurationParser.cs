using System.Globalization;

namespace Outpost.Cli.Tokens;

/// <summary>Durations the way operators type them: 90s, 30m, 24h, 7d.</summary>
internal static class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (!long.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0)
        {
            return false;
        }

        var seconds = char.ToLowerInvariant(trimmed[^1]) switch
        {
            's' => amount,
            'm' => amount * 60,
            'h' => amount * 3_600,
            'd' => amount * 86_400,
            _ => -1,
        };
        // Cap at ten years: beyond that the number is a typo, and TimeSpan arithmetic stays far from overflow.
        if (seconds <= 0 || seconds > 10L * 366 * 86_400)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    /// <summary>System.CommandLine custom parser for an <c>--expires</c> option; the examples go into the error line.</summary>
    public static TimeSpan? ParseOption(System.CommandLine.Parsing.ArgumentResult result, string examples)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : null;
        if (TryParse(text, out var duration))
        {
            return duration;
        }

        result.AddError($"invalid duration '{text}' for --expires: use a number and a unit, e.g. {examples}");
        return null;
    }
}
