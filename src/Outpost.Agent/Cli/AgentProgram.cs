using Outpost.Agent.Identity;

namespace Outpost.Agent.Cli;

/// <summary>Dispatches the command line; every argument error ends as one line on stderr and exit code 2.</summary>
internal static class AgentProgram
{
    public static async Task<int> MainAsync(
        IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        if (args.Count > 0 && args[0] == TufCommand.Name)
        {
            return await TufCommand.RunAsync(args.Skip(1).ToList(), TimeProvider.System, error, CancellationToken.None);
        }

        try
        {
            var commandLine = CommandLineParser.Parse(args);
            switch (commandLine.Command)
            {
                case CommandLine.Version:
                    output.WriteLine($"outpost-agent {AgentVersion.Current}");
                    return ExitCodes.Success;
                case CommandLine.Help:
                    output.WriteLine(CommandLineParser.Usage);
                    return ExitCodes.Success;
                case CommandLine.Enroll:
                    var arguments = EnrollArguments.From(commandLine, environment);
                    return await new Enroller(TimeProvider.System, output, error).RunAsync(arguments, CancellationToken.None);
                case CommandLine.CheckInOnce:
                    return await CheckInOnceCommand.RunAsync(commandLine, environment, output, error, CancellationToken.None);
                default:
                    return await RunCommand.RunAsync(commandLine, environment, error);
            }
        }
        catch (UsageException ex)
        {
            error.WriteLine($"outpost-agent: {ex.Message}");
            return ExitCodes.Usage;
        }
    }
}
