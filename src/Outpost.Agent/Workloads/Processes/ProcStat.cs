using System.Globalization;

namespace Outpost.Agent.Workloads.Processes;

/// <summary>
/// The fields of /proc/PID/stat the supervisor needs. StartTime (clock ticks since boot, field 22) tells a process from
/// a later one that got the same PID: a PID is only ever signalled when both match what was recorded.
/// </summary>
internal readonly record struct ProcStat(int Pid, char State, int ProcessGroup, ulong StartTime)
{
    /// <summary>Running or sleeping: not gone, not a zombie waiting to be reaped.</summary>
    public bool IsAlive => State is not ('Z' or 'X' or 'x');

    public static ProcStat? Read(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static ProcStat? Parse(string text)
    {
        // comm (field 2) is in parentheses and may itself hold spaces and ')': the fields start after the last ')'.
        var open = text.IndexOf(' ', StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open < 0 || close < 0 || close + 2 >= text.Length)
        {
            return null;
        }

        var fields = text[(close + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20
            || !int.TryParse(text.AsSpan(0, open), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var group)
            || !ulong.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        return new ProcStat(pid, fields[0][0], group, start);
    }

    /// <summary>Every live process in /proc (used to find the members of a group whose leader is gone).</summary>
    public static IEnumerable<ProcStat> All()
    {
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Read(pid) is { IsAlive: true } stat)
            {
                yield return stat;
            }
        }
    }
}
