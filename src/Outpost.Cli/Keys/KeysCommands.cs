using System.CommandLine;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Cli.Keys;

/// <summary><c>outpost keys init|rotate-root</c>: the offline root and targets keys of the fleet's TUF repository.</summary>
internal static class KeysCommands
{
    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var keys = new Command("keys", "Offline TUF signing keys: create the repository root, rotate it");
        keys.Subcommands.Add(Init(session));
        keys.Subcommands.Add(RotateRoot(session));
        return keys;
    }

    public static Option<string?> DirOption() =>
        new("--dir") { Description = "Offline repository folder [default: $XDG_CONFIG_HOME/outpost/repo]", HelpName = "DIR" };

    public static Option<FileInfo?> PassphraseOption() =>
        new("--passphrase-file") { Description = "File whose first line is the passphrase of the key files", HelpName = "FILE" };

    private static Command Init(AdminSession session)
    {
        var dir = DirOption();
        var rootKeys = BoundedIntOption.WithDefault("--root-keys", "Number of root keys (M)", minimum: 1, defaultValue: 3);
        var rootThreshold = BoundedIntOption.WithDefault("--root-threshold", "Root signatures required (N of M)", minimum: 1, defaultValue: 2);
        var targetsKeys = BoundedIntOption.WithDefault("--targets-keys", "Number of targets keys", minimum: 1, defaultValue: 1);
        var targetsThreshold = BoundedIntOption.WithDefault("--targets-threshold", "Targets signatures required", minimum: 1, defaultValue: 1);
        var scheme = new Option<string>("--scheme") { Description = "Signature scheme of the new keys", DefaultValueFactory = _ => TufSchemes.Ed25519 };
        scheme.AcceptOnlyFromAmong(TufSchemes.Ed25519, TufSchemes.EcdsaP256);
        var passphrase = PassphraseOption();
        var command = new Command("init", "Create root and targets keys and root.json v1 (listing the server's online keys), and upload the root")
        {
            dir, rootKeys, rootThreshold, targetsKeys, targetsThreshold, scheme, passphrase,
        };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            client => new KeysInit(session.Context)
            {
                Repo = TufRepoDirectory.Resolve(parse.GetValue(dir), session.Context),
                RootKeys = parse.GetValue(rootKeys),
                RootThreshold = parse.GetValue(rootThreshold),
                TargetsKeys = parse.GetValue(targetsKeys),
                TargetsThreshold = parse.GetValue(targetsThreshold),
                Scheme = parse.GetValue(scheme)!,
                Passphrase = Passphrase.Read(parse.GetValue(passphrase)),
            }.RunAsync(client, ct),
            ct));
        return command;
    }

    private static Command RotateRoot(AdminSession session)
    {
        var dir = DirOption();
        var newKeys = BoundedIntOption.Optional("--new-root-keys", "Number of new root keys [default: as now]", minimum: 1);
        var newThreshold = BoundedIntOption.Optional("--new-root-threshold", "New root threshold [default: as now]", minimum: 1);
        var passphrase = PassphraseOption();
        var command = new Command("rotate-root", "Replace the root keys: root v(N+1) signed by the old and the new threshold, uploaded")
        {
            dir, newKeys, newThreshold, passphrase,
        };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            client => new RootRotation(session.Context)
            {
                Repo = TufRepoDirectory.Resolve(parse.GetValue(dir), session.Context),
                NewKeys = parse.GetValue(newKeys),
                NewThreshold = parse.GetValue(newThreshold),
                Passphrase = Passphrase.Read(parse.GetValue(passphrase)),
            }.RunAsync(client, ct),
            ct));
        return command;
    }
}
