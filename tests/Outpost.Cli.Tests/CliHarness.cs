using Microsoft.Extensions.Time.Testing;
using Outpost.Cli.Config;

namespace Outpost.Cli.Tests;

/// <summary>
/// Runs the real command tree in-process with captured stdout/stderr, a private environment (never the test
/// process's) whose OUTPOST_CONFIG points into a fresh temporary folder, and a fake clock at <see cref="StubData.Now"/>.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("outpost-cli-tests-").FullName;
        ConfigPath = Path.Combine(Directory, "config", "config.json");
        Environment["OUTPOST_CONFIG"] = ConfigPath;
        Environment["HOME"] = Directory;
    }

    public string Directory { get; }

    public string ConfigPath { get; }

    public Dictionary<string, string?> Environment { get; } = [];

    public FakeTimeProvider Time { get; } = new(StubData.Now);

    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new CliContext
        {
            Output = stdout,
            Error = stderr,
            GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
            Time = Time,
            HttpTimeout = HttpTimeout,
        };
        var exitCode = await Program.RunAsync(args, context);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Stores a config as outpost login would, without going through login.</summary>
    public void WriteConfig(string server, string token, string? caFile = null) =>
        CliConfigStore.Save(ConfigPath, new CliConfig { Server = server, Token = token, CaFile = caFile });

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
