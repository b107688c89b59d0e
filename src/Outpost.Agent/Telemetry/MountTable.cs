using System.Text;

namespace Outpost.Agent.Telemetry;

/// <summary>
/// Picks the mounts whose free space an operator cares about from /proc/mounts: filesystems backed by a block device
/// (source under /dev/), plus "/" whatever it is (on container-based devices the root is an overlay, and its free
/// space is exactly what fills up). Pseudo and memory filesystems (proc, sysfs, tmpfs, cgroup, ...) are skipped, and
/// so are read-only images (squashfs, iso9660) that are always 100% full by design and would only raise false alerts.
/// The same device mounted twice (bind mounts) is reported once, at its first mount point.
/// </summary>
internal static class MountTable
{
    private static readonly HashSet<string> ImageFileSystems = new(StringComparer.Ordinal) { "squashfs", "iso9660", "erofs" };

    public static IReadOnlyList<string> RealMountPoints(string? procMounts)
    {
        var result = new List<string>();
        var seenSources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in (procMounts ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3)
            {
                continue;
            }

            var source = Unescape(fields[0]);
            var mountPoint = Unescape(fields[1]);
            var type = fields[2];
            if (!mountPoint.StartsWith('/') || ImageFileSystems.Contains(type))
            {
                continue;
            }

            var isRoot = mountPoint == "/";
            var isBlockDevice = source.StartsWith("/dev/", StringComparison.Ordinal) && !source.StartsWith("/dev/loop", StringComparison.Ordinal);
            if ((isRoot || isBlockDevice) && seenSources.Add(source) && !result.Contains(mountPoint))
            {
                result.Add(mountPoint);
            }
        }

        return result;
    }

    // /proc/mounts escapes space, tab, newline and backslash as \ooo octal.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && TryOctal(field.AsSpan(i + 1, 3), out var c))
            {
                builder.Append(c);
                i += 3;
            }
            else
            {
                builder.Append(field[i]);
            }
        }

        return builder.ToString();
    }

    private static bool TryOctal(ReadOnlySpan<char> digits, out char value)
    {
        var code = 0;
        foreach (var d in digits)
        {
            if (d is < '0' or > '7')
            {
                value = default;
                return false;
            }

            code = (code * 8) + (d - '0');
        }

        value = (char)code;
        return true;
    }
}
