namespace Outpost.EndToEnd.Infrastructure;

/// <summary>Runs the real <c>outpost</c> CLI with its own config file.</summary>
internal sealed class Cli(string configPath)
{
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        await using var process = ChildProcess.Start("outpost", "dotnet", [Binaries.Cli, .. args],
            new Dictionary<string, string> { ["OUTPOST_CONFIG"] = configPath });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!process.HasExited)
        {
            await Task.Delay(20, cts.Token);
        }

        await Task.Delay(50, CancellationToken.None); // let the last output lines drain
        return (process.ExitCode, process.Output);
    }
}
