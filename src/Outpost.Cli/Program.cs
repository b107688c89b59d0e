using System.CommandLine;
using Outpost.Cli.AdminTokens;
using Outpost.Cli.Advise;
using Outpost.Cli.Alerts;
using Outpost.Cli.Devices;
using Outpost.Cli.Keys;
using Outpost.Cli.Login;
using Outpost.Cli.Releases;
using Outpost.Cli.Telemetry;
using Outpost.Cli.Rollouts;
using Outpost.Cli.Sim;
using Outpost.Cli.Tokens;

namespace Outpost.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => RunAsync(args, CliContext.FromProcess());

    /// <summary>The whole CLI; tests call this with their own writers and environment.</summary>
    internal static Task<int> RunAsync(string[] args, CliContext context)
    {
        var globals = new GlobalOptions();
        var session = new AdminSession(context, globals);
        var root = new RootCommand("outpost: operate an Outpost edge fleet (docs/cli.md)");
        globals.AddTo(root);
        root.Subcommands.Add(LoginCommand.Create(session));
        root.Subcommands.Add(DevicesCommands.Create(session));
        root.Subcommands.Add(TelemetryCommands.Fleet(session));
        root.Subcommands.Add(TokensCommands.Create(session));
        root.Subcommands.Add(AdminTokensCommands.Create(session));
        root.Subcommands.Add(AdviseCommand.Create());
        root.Subcommands.Add(KeysCommands.Create(session));
        root.Subcommands.Add(ReleasesCommands.Create(session));
        root.Subcommands.Add(AlertsCommands.Create(session));
        root.Subcommands.Add(RolloutsCommands.Create(session));
        if (OperatingSystem.IsLinux())
        {
            root.Subcommands.Add(SimCommand.Create(session));
        }

        return CliRunner.RunAsync(root, args, context);
    }
}
