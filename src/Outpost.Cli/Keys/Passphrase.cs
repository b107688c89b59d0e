namespace Outpost.Cli.Keys;

/// <summary>--passphrase-file: the first line of the file (never a command-line argument, which ps would show).</summary>
internal static class Passphrase
{
    public static string? Read(FileInfo? file)
    {
        if (file is null)
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--passphrase-file: cannot read {file.FullName}: {e.Message}", ExitCodes.Failure, e);
        }

        var passphrase = text.Split('\n')[0].TrimEnd('\r');
        return passphrase.Length == 0
            ? throw new CliException($"--passphrase-file: {file.FullName} is empty")
            : passphrase;
    }
}
