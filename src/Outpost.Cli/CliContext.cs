namespace Outpost.Cli;

/// <summary>
/// Everything the commands take from the process: output streams, environment variables, the clock and the HTTP
/// timeout. Tests pass their own so they can run the real command tree in-process, in parallel, without touching
/// the process environment.
/// </summary>
internal sealed record CliContext
{
    public static readonly TimeSpan DefaultHttpTimeout = TimeSpan.FromSeconds(30);

    public required TextWriter Output { get; init; }

    public required TextWriter Error { get; init; }

    public required Func<string, string?> GetEnvironmentVariable { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Upper bound for one admin API call, so the CLI never hangs on a silent server.</summary>
    public TimeSpan HttpTimeout { get; init; } = DefaultHttpTimeout;

    public static CliContext FromProcess() => new()
    {
        Output = Console.Out,
        Error = Console.Error,
        GetEnvironmentVariable = Environment.GetEnvironmentVariable,
    };
}
