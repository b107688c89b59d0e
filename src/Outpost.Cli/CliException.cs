namespace Outpost.Cli;

/// <summary>A failure that ends the command with one line on stderr and <see cref="ExitCode"/>.</summary>
internal sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CliException(string message, int exitCode)
        : base(message) => ExitCode = exitCode;

    public CliException(string message, int exitCode, Exception innerException)
        : base(message, innerException) => ExitCode = exitCode;

    public int ExitCode { get; } = ExitCodes.Failure;
}
