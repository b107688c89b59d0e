using System.ComponentModel;
using System.Diagnostics;

namespace Outpost.Agent.Updates.SelfUpdate;

/// <summary>
/// Runs <c>BINARY check-in-once --data-dir DATA</c> with a timeout: the new binary must start, load the identity and
/// check in once. The failure detail names the cause: not executable, exit code and first stderr line, or timeout.
/// </summary>
internal static class AgentTrial
{
    public static async Task<AgentTrialResult> RunAsync(
        string binary, string dataDirectory, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary, ["check-in-once", "--data-dir", dataDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process started");
        }
        catch (Win32Exception ex)
        {
            // ENOEXEC (garbage, wrong architecture), EACCES (no x bit, noexec mount), ENOENT (missing interpreter).
            return AgentTrialResult.Fail($"the new agent binary is not executable: {ex.Message}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            try
            {
                await process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
                return AgentTrialResult.Fail($"the new agent binary did not check in within {timeout}");
            }

            await stdout;
            var error = await stderr;
            if (process.ExitCode == 0)
            {
                return AgentTrialResult.Pass;
            }

            var firstLine = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            return AgentTrialResult.Fail(firstLine is null
                ? $"the new agent binary exited with code {process.ExitCode}"
                : $"the new agent binary exited with code {process.ExitCode}: {Truncate(firstLine)}");
        }
    }

    private static string Truncate(string line) => line.Length <= 300 ? line : line[..300] + "…";
}
