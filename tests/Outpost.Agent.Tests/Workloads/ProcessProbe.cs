using Outpost.Agent.Workloads.Processes;

namespace Outpost.Agent.Tests.Workloads;

internal static class ProcessProbe
{
    public static bool Alive(int pid) => ProcStat.Read(pid) is { IsAlive: true };

    public static int ReadPid(string path) =>
        File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), out var pid) ? pid : 0;
}
