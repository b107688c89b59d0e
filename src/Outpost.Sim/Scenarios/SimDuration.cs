using System.Globalization;

namespace Outpost.Sim.Scenarios;

/// <summary>Durations as people write them in scenarios and flags: 250ms, 30s, 5m, 2h, or plain seconds.</summary>
public static class SimDuration
{
    /// <summary>Parses <paramref name="text"/>; false when it is not a non-negative duration.</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        var trimmed = text?.Trim() ?? "";
        var (number, unit) = trimmed.EndsWith("ms", StringComparison.OrdinalIgnoreCase)
            ? (trimmed[..^2], 0.001)
            : trimmed.Length > 0 && char.IsLetter(trimmed[^1])
                ? (trimmed[..^1], char.ToLowerInvariant(trimmed[^1]) switch { 's' => 1, 'm' => 60, 'h' => 3600, 'd' => 86400, _ => double.NaN })
                : (trimmed, 1.0);
        if (double.IsNaN(unit)
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || value * unit > 10 * 365 * 86400.0)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(value * unit);
        return true;
    }

    /// <summary>Parses or throws a <see cref="SimScenarioException"/> naming <paramref name="field"/>.</summary>
    public static TimeSpan Parse(string? text, string field) =>
        TryParse(text, out var duration)
            ? duration
            : throw new SimScenarioException($"{field}: '{text}' is not a duration (examples: 250ms, 30s, 5m, 2h)");
}
