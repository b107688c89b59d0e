using System.CommandLine;

namespace Outpost.Cli;

/// <summary>Parses and invokes a command tree with the context's writers and the documented exit codes.</summary>
internal static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args, CliContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                // System.CommandLine would print every error plus the help text and exit 1; scripts want one line and 2.
                return CommandErrors.Fail(context, $"{parse.Errors[0].Message} (see outpost --help)", ExitCodes.Usage);
            }

            var configuration = new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                // Actions report their own failures (CommandErrors); anything escaping still becomes one line below.
                EnableDefaultExceptionHandler = false,
            };
            return await parse.InvokeAsync(configuration, ct);
        }
        catch (Exception e)
        {
            return CommandErrors.Fail(context, $"unexpected {e.GetType().Name}: {e.Message}", ExitCodes.Failure);
        }
    }
}
