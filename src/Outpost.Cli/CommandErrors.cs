using Outpost.Cli.Api;

namespace Outpost.Cli;

/// <summary>
/// The one place where a command's failure becomes output: exactly one line "error: reason" on stderr and an exit
/// code, never a stack trace.
/// </summary>
internal static class CommandErrors
{
    public static async Task<int> RunAsync(CliContext context, Func<Task> action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return ExitCodes.Ok;
        }
        catch (AdminApiException e)
        {
            return Fail(context, e.Message, e.ExitCode);
        }
        catch (CliException e)
        {
            return Fail(context, e.Message, e.ExitCode);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Fail(context, "cancelled", ExitCodes.Failure);
        }
        catch (Exception e)
        {
            return Fail(context, $"unexpected {e.GetType().Name}: {e.Message}", ExitCodes.Failure);
        }
    }

    public static int Fail(CliContext context, string message, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        context.Error.WriteLine($"error: {line}");
        return exitCode;
    }
}
