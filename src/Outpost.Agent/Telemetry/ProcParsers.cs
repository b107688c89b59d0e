using System.Globalization;

namespace Outpost.Agent.Telemetry;

/// <summary>
/// Parsers for the text formats of /proc. Each returns null (or an empty result) on anything unexpected,
/// because a kernel, a container runtime or a broken SD card can hand us truncated or garbled files.
/// </summary>
internal static class ProcParsers
{
    /// <summary>Values of /proc/meminfo in bytes, keyed by field name (e.g. MemTotal).</summary>
    public static Dictionary<string, long> MemInfo(string? text)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in Lines(text))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var parts = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            // The kernel writes "kB" but means KiB.
            var multiplier = parts.Length > 1 && parts[1] == "kB" ? 1024L : 1L;
            if (value <= long.MaxValue / multiplier)
            {
                values[line[..colon].Trim()] = value * multiplier;
            }
        }

        return values;
    }

    /// <summary>The three load averages of /proc/loadavg.</summary>
    public static (double One, double Five, double Fifteen)? LoadAverage(string? text)
    {
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3
            && TryNonNegative(parts[0], out var one)
            && TryNonNegative(parts[1], out var five)
            && TryNonNegative(parts[2], out var fifteen)
            ? (one, five, fifteen)
            : null;
    }

    /// <summary>Whole seconds since boot from the first field of /proc/uptime.</summary>
    public static long? Uptime(string? text)
    {
        var parts = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 1 && TryNonNegative(parts[0], out var seconds) && seconds < long.MaxValue
            ? (long)seconds
            : null;
    }

    /// <summary>The aggregate "cpu" line of /proc/stat as (busy, total) jiffies, and the number of "cpuN" lines.</summary>
    public static (CpuTimes? Total, int CpuCount) Stat(string? text)
    {
        CpuTimes? total = null;
        var count = 0;
        foreach (var line in Lines(text))
        {
            if (line.StartsWith("cpu ", StringComparison.Ordinal))
            {
                total = CpuLine(line);
            }
            else if (line.StartsWith("cpu", StringComparison.Ordinal) && line.Length > 3 && char.IsAsciiDigit(line[3]))
            {
                count++;
            }
        }

        return (total, count);
    }

    /// <summary>A thermal zone's temp file: millidegrees Celsius.</summary>
    public static double? ThermalZone(string? text)
    {
        if (!long.TryParse((text ?? "").Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milli))
        {
            return null;
        }

        var celsius = milli / 1000.0;
        // Disconnected sensors report values like -273 or 255; they are not temperatures.
        return celsius is > -60 and < 200 ? celsius : null;
    }

    private static CpuTimes? CpuLine(string line)
    {
        // user nice system idle iowait irq softirq steal [guest guest_nice] — guest time is already in user.
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 5)
        {
            return null;
        }

        ulong total = 0, idle = 0;
        for (var i = 1; i < Math.Min(parts.Length, 9); i++)
        {
            if (!ulong.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }

            total += value;
            if (i is 4 or 5)
            {
                idle += value;
            }
        }

        return new CpuTimes(total - idle, total);
    }

    private static bool TryNonNegative(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value) && value >= 0;

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
