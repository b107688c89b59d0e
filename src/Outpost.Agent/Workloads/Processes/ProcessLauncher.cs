using System.Diagnostics;

namespace Outpost.Agent.Workloads.Processes;

/// <summary>
/// Starts a workload process without a shell. Where setsid(1) exists (util-linux, BusyBox) it is the launcher: it makes
/// the program the leader of a new session and process group and execs it in place (same PID, since .NET's child is not
/// a group leader, setsid does not fork). Signals then go to the whole group, so a script's children stop with it.
/// </summary>
internal static class ProcessLauncher
{
    public static string? Setsid { get; } =
        new[] { "/usr/bin/setsid", "/bin/setsid", "/usr/sbin/setsid", "/sbin/setsid" }.FirstOrDefault(File.Exists);

    public static Process Start(
        string command, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment, out bool group)
    {
        group = Setsid is not null;
        var start = new ProcessStartInfo(Setsid ?? command)
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (group)
        {
            start.ArgumentList.Add(command);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        // Workloads get no input; an open pipe would let one block forever on a read of stdin.
        process.StandardInput.Close();
        return process;
    }

    /// <summary>
    /// Release files are copied out of the verified staging area without their modes; a command inside the release
    /// must be executable to run. Only the execute bits follow the read bits: the content stays as verified.
    /// </summary>
    public static void EnsureExecutable(string path)
    {
        try
        {
            var mode = File.GetUnixFileMode(path);
            var wanted = mode | UnixFileMode.UserExecute
                | ((mode & UnixFileMode.GroupRead) != 0 ? UnixFileMode.GroupExecute : 0)
                | ((mode & UnixFileMode.OtherRead) != 0 ? UnixFileMode.OtherExecute : 0);
            if (wanted != mode)
            {
                File.SetUnixFileMode(path, wanted);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Starting it will fail and say why.
        }
    }
}
