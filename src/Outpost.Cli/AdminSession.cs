using System.CommandLine;
using Outpost.Cli.Api;
using Outpost.Cli.Config;

namespace Outpost.Cli;

/// <summary>
/// What a command that talks to the admin API needs: the context, the global connection options, and a way to run
/// its body with a connected <see cref="AdminApiClient"/> and the shared error handling.
/// </summary>
internal sealed class AdminSession(CliContext context, GlobalOptions globals)
{
    public CliContext Context => context;

    public GlobalOptions Globals => globals;

    public TextWriter Output => context.Output;

    public DateTimeOffset Now => context.Time.GetUtcNow();

    public Task<int> RunAsync(ParseResult parseResult, Func<AdminApiClient, Task> body, CancellationToken ct) =>
        CommandErrors.RunAsync(
            context,
            async () =>
            {
                var settings = ConnectionResolver.Resolve(parseResult, globals, context);
                using var client = AdminApiClient.Create(settings, context);
                await body(client);
            },
            ct);
}
