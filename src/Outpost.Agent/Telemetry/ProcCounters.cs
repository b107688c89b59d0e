using System.Globalization;

namespace Outpost.Agent.Telemetry;

/// <summary>
/// Allocation-free parsers for the /proc files sampled every few seconds (the check-in snapshot keeps using
/// <see cref="ProcParsers"/>). They take the file's text as a span and return null for anything unexpected.
/// </summary>
internal static class ProcCounters
{
    /// <summary>/proc/stat: the aggregate "cpu" line.</summary>
    public static CpuTimes? Cpu(ReadOnlySpan<char> stat)
    {
        foreach (var line in stat.EnumerateLines())
        {
            var rest = line;
            if (!Token(ref rest).SequenceEqual("cpu"))
            {
                continue;
            }

            // user nice system idle iowait irq softirq steal — guest time is already counted in user.
            ulong total = 0, idle = 0;
            for (var i = 1; i <= 8; i++)
            {
                var field = Token(ref rest);
                if (field.IsEmpty && i > 4)
                {
                    break;
                }

                if (!ulong.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return null;
                }

                total += value;
                idle += i is 4 or 5 ? value : 0;
            }

            return new CpuTimes(total - idle, total);
        }

        return null;
    }

    /// <summary>/proc/meminfo: MemTotal, MemAvailable, SwapTotal, SwapFree in bytes (0 when missing).</summary>
    public static MemoryCounters Memory(ReadOnlySpan<char> meminfo)
    {
        long total = 0, available = 0, swapTotal = 0, swapFree = 0;
        foreach (var line in meminfo.EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var rest = line[(colon + 1)..];
            if (!long.TryParse(Token(ref rest), NumberStyles.None, CultureInfo.InvariantCulture, out var kib) || kib > long.MaxValue / 1024)
            {
                continue;
            }

            var bytes = Token(ref rest).SequenceEqual("kB") ? kib * 1024 : kib;
            switch (line[..colon])
            {
                case "MemTotal": total = bytes; break;
                case "MemAvailable": available = bytes; break;
                case "SwapTotal": swapTotal = bytes; break;
                case "SwapFree": swapFree = bytes; break;
            }
        }

        return new MemoryCounters(total, available, swapTotal, swapFree);
    }

    /// <summary>/proc/vmstat: pages swapped in and out since boot.</summary>
    public static (ulong In, ulong Out)? Swap(ReadOnlySpan<char> vmstat)
    {
        ulong? pagesIn = null, pagesOut = null;
        foreach (var line in vmstat.EnumerateLines())
        {
            var rest = line;
            var key = Token(ref rest);
            if ((key.SequenceEqual("pswpin") || key.SequenceEqual("pswpout"))
                && ulong.TryParse(Token(ref rest), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                if (key.SequenceEqual("pswpin"))
                {
                    pagesIn = value;
                }
                else
                {
                    pagesOut = value;
                }
            }
        }

        return pagesIn is { } i && pagesOut is { } o ? (i, o) : null;
    }

    /// <summary>
    /// /proc/diskstats: bytes read and written since boot by the <paramref name="disks"/> (whole disks; counting
    /// partitions too would count every byte twice). Sectors are always 512 bytes in this file.
    /// </summary>
    public static (ulong Read, ulong Written) DiskBytes(ReadOnlySpan<char> diskstats, HashSet<string> disks)
    {
        ArgumentNullException.ThrowIfNull(disks);
        var lookup = disks.GetAlternateLookup<ReadOnlySpan<char>>();
        ulong read = 0, written = 0;
        Span<ulong> fields = stackalloc ulong[7];
        foreach (var line in diskstats.EnumerateLines())
        {
            var rest = line;
            Token(ref rest);
            Token(ref rest);
            if (!lookup.Contains(Token(ref rest)))
            {
                continue;
            }

            // reads merged sectors ms | writes merged sectors ms
            var ok = true;
            for (var i = 0; i < fields.Length && ok; i++)
            {
                ok = ulong.TryParse(Token(ref rest), NumberStyles.None, CultureInfo.InvariantCulture, out fields[i]);
            }

            if (ok)
            {
                read += fields[2] * 512;
                written += fields[6] * 512;
            }
        }

        return (read, written);
    }

    /// <summary>
    /// The whole disks among the device names of /proc/diskstats: not virtual (loop, ram, zram, device-mapper, md,
    /// optical, nbd), and not a partition — a name that extends another listed name (sda1 of sda, mmcblk0p1 of mmcblk0).
    /// </summary>
    public static HashSet<string> WholeDisks(ReadOnlySpan<char> diskstats)
    {
        var names = new List<string>();
        foreach (var line in diskstats.EnumerateLines())
        {
            var rest = line;
            Token(ref rest);
            Token(ref rest);
            if (Token(ref rest) is { IsEmpty: false } name)
            {
                names.Add(name.ToString());
            }
        }

        string[] virtualPrefixes = ["loop", "ram", "zram", "dm-", "md", "sr", "nbd", "fd"];
        return names
            .Where(n => !virtualPrefixes.Any(p => n.StartsWith(p, StringComparison.Ordinal)))
            .Where(n => !names.Any(other => other.Length < n.Length && n.StartsWith(other, StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>/proc/net/dev: bytes received and sent and errors (both directions) since boot, loopback excluded.</summary>
    public static (ulong Received, ulong Transmitted, ulong Errors) Network(ReadOnlySpan<char> netdev)
    {
        ulong received = 0, transmitted = 0, errors = 0;
        Span<ulong> fields = stackalloc ulong[11];
        foreach (var line in netdev.EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[..colon].Trim().SequenceEqual("lo"))
            {
                continue;
            }

            // receive: bytes packets errs drop fifo frame compressed multicast | transmit: bytes packets errs ...
            var rest = line[(colon + 1)..];
            var ok = true;
            for (var i = 0; i < fields.Length && ok; i++)
            {
                ok = ulong.TryParse(Token(ref rest), NumberStyles.None, CultureInfo.InvariantCulture, out fields[i]);
            }

            if (ok)
            {
                received += fields[0];
                transmitted += fields[8];
                errors += fields[2] + fields[10];
            }
        }

        return (received, transmitted, errors);
    }

    /// <summary>/proc/self/status: VmRSS in bytes.</summary>
    public static long? ResidentBytes(ReadOnlySpan<char> status)
    {
        foreach (var line in status.EnumerateLines())
        {
            if (line.StartsWith("VmRSS:"))
            {
                var rest = line[6..];
                return long.TryParse(Token(ref rest), NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : null;
            }
        }

        return null;
    }

    /// <summary>/proc/uptime: seconds since boot.</summary>
    public static double? Uptime(ReadOnlySpan<char> uptime)
    {
        var rest = uptime;
        return double.TryParse(Token(ref rest), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds >= 0 ? seconds : null;
    }

    private static ReadOnlySpan<char> Token(ref ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart();
        var end = rest.IndexOfAny(' ', '\t');
        var token = end < 0 ? rest : rest[..end];
        rest = end < 0 ? default : rest[end..];
        return token;
    }
}
