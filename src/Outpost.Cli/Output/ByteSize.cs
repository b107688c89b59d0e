using System.Globalization;

namespace Outpost.Cli.Output;

/// <summary>Binary units (KiB, MiB, GiB), the way free(1) and df(1) -h report memory and disks.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];

    public static string Format(long bytes)
    {
        if (bytes < 1024)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    /// <summary>"42%" of used over total, or "-" when the total is unknown.</summary>
    public static string Percent(long used, long total) =>
        total <= 0 ? "-" : (100.0 * used / total).ToString("0", CultureInfo.InvariantCulture) + "%";
}
