using System.Globalization;

namespace Outpost.Agent.Workloads.Processes;

/// <summary>
/// A running workload process as the pid file records it: one line <c>PID STARTTIME GROUP STOPMS RELEASE PROCESS</c>.
/// <see cref="Group"/> = the process leads its own process group (started through setsid), so its children die with it.
/// </summary>
internal sealed record PidRecord(int Pid, ulong StartTime, bool Group, TimeSpan StopTimeout, string Release, string Process)
{
    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Pid} {StartTime} {(Group ? 1 : 0)} {(long)StopTimeout.TotalMilliseconds} {Release} {Process}");

    public static PidRecord? Parse(string line)
    {
        var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 6
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 1
            && ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var stopMs)
            ? new PidRecord(pid, start, parts[2] == "1", TimeSpan.FromMilliseconds(stopMs), parts[4], parts[5])
            : null;
    }
}
