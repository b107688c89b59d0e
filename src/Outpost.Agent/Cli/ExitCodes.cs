namespace Outpost.Agent.Cli;

/// <summary>Process exit codes, documented in docs/agent.md.</summary>
internal static class ExitCodes
{
    /// <summary>Done, or stopped by SIGTERM/SIGINT.</summary>
    public const int Success = 0;

    /// <summary>The command could not do its job: enrollment refused or server unreachable, not enrolled, unreadable files.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or settings: unknown command or flag, missing or malformed value.</summary>
    public const int Usage = 2;
}
