namespace Outpost.Cli;

/// <summary>Process exit codes of <c>outpost</c>; documented in docs/cli.md, so scripts may rely on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    public const int Failure = 1;

    /// <summary>The command line did not parse (unknown command or option, bad value).</summary>
    public const int Usage = 2;

    /// <summary>The server refused the token (401) or its role (403).</summary>
    public const int AuthRefused = 3;

    public const int NotFound = 4;
}
