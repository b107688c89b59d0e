using System.Diagnostics;
using System.Globalization;

namespace Outpost.Agent.Workloads.Probes;

/// <summary>Runs a command (no shell) in the process's folder and environment; exit code 0 passes.</summary>
internal sealed class ExecProbe(string command, IReadOnlyList<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    : IProbe
{
    public string Description => $"exec probe {command}";

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"cannot start: {ex.Message}";
        }

        process.StandardInput.Close();
        // Drained so a chatty probe never blocks on a full pipe; the last line of stderr explains a failure.
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await Task.WhenAll(output, error);
        if (process.ExitCode == 0)
        {
            return null;
        }

        var last = (await error).TrimEnd().Split('\n')[^1];
        return string.Create(CultureInfo.InvariantCulture, $"exit code {process.ExitCode}{(last.Length > 0 ? ": " + last : "")}");
    }
}
