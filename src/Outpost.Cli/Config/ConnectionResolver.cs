using System.CommandLine;

namespace Outpost.Cli.Config;

/// <summary>Merges the connection settings: flag, then environment variable, then config file.</summary>
internal static class ConnectionResolver
{
    public const string ServerVariable = "OUTPOST_SERVER";
    public const string TokenVariable = "OUTPOST_TOKEN";
    public const string CaFileVariable = "OUTPOST_CA_FILE";

    /// <summary>Settings for a command that needs a login; fails with "not logged in" when something is missing.</summary>
    public static ConnectionSettings Resolve(ParseResult parseResult, GlobalOptions globals, CliContext context)
    {
        var (server, token, caFile) = Merge(parseResult, globals, context, includeConfig: true);
        if (server is null || token is null)
        {
            var missing = server is null ? "no server" : "no token";
            throw new CliException($"not logged in ({missing}): run outpost login --server URL --token TOKEN");
        }

        return new ConnectionSettings { Server = ServerUrl.Normalize(server), Token = token, CaFile = caFile };
    }

    /// <summary>The raw merge; <paramref name="includeConfig"/> false ignores the stored config (used by login).</summary>
    public static (string? Server, string? Token, string? CaFile) Merge(
        ParseResult parseResult, GlobalOptions globals, CliContext context, bool includeConfig)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(globals);
        ArgumentNullException.ThrowIfNull(context);
        var config = includeConfig ? CliConfigStore.Load(CliConfigStore.ResolvePath(context)) : null;
        var server = First(parseResult.GetValue(globals.Server), context.GetEnvironmentVariable(ServerVariable), config?.Server);
        var token = First(parseResult.GetValue(globals.Token), context.GetEnvironmentVariable(TokenVariable), config?.Token);
        var caFile = First(parseResult.GetValue(globals.CaFile), context.GetEnvironmentVariable(CaFileVariable), config?.CaFile);
        return (server, token, caFile);
    }

    private static string? First(params ReadOnlySpan<string?> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        return null;
    }
}
