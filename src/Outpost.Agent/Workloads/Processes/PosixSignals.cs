using System.Runtime.InteropServices;

namespace Outpost.Agent.Workloads.Processes;

/// <summary>kill(2): .NET can send SIGKILL (Process.Kill) but not SIGTERM, and not to a whole process group.</summary>
internal static partial class PosixSignals
{
    public const int Terminate = 15;
    public const int Kill = 9;

    /// <summary>Sends <paramref name="signal"/> to a process, or to process group <c>-pid</c> when <paramref name="group"/>.</summary>
    public static bool Send(int pid, int signal, bool group) => pid > 0 && SendSignal(group ? -pid : pid, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
