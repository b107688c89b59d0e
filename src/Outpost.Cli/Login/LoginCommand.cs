using System.CommandLine;
using Outpost.Cli.AdminTokens;
using Outpost.Cli.Api;
using Outpost.Cli.Config;

namespace Outpost.Cli.Login;

/// <summary>
/// <c>outpost login --server URL --token T [--ca-file PEM]</c>: checks the token with whoami, then stores the
/// connection in the config file (mode 0600). Nothing is stored when the server refuses the token.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var command = new Command("login", "Check an admin token against a server and remember both for later commands");
        command.SetAction((parse, ct) => CommandErrors.RunAsync(session.Context, () => LoginAsync(session, parse, ct), ct));
        return command;
    }

    private static async Task LoginAsync(AdminSession session, ParseResult parse, CancellationToken ct)
    {
        // The stored config is deliberately ignored: login must work when it is stale or unreadable.
        var (server, token, caFile) = ConnectionResolver.Merge(parse, session.Globals, session.Context, includeConfig: false);
        if (server is null || token is null)
        {
            throw new CliException("login needs --server URL and --token TOKEN (or OUTPOST_SERVER and OUTPOST_TOKEN)", ExitCodes.Usage);
        }

        var settings = new ConnectionSettings
        {
            Server = ServerUrl.Normalize(server),
            Token = token,
            CaFile = caFile is null ? null : Path.GetFullPath(caFile),
        };
        using var client = AdminApiClient.Create(settings, session.Context);
        var me = await client.WhoAmIAsync(ct);
        var path = CliConfigStore.ResolvePath(session.Context);
        CliConfigStore.Save(path, new CliConfig { Server = settings.Server, Token = settings.Token, CaFile = settings.CaFile });
        session.Output.WriteLine($"Logged in to {settings.Server} as {me.Name} (role {AdminTokensCommands.Role(me.Role)}).");
        session.Output.WriteLine($"Saved to {path}.");
    }
}
