using Outpost.Protocol;
using Outpost.Protocol.Releases;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using Outpost.Cli.Keys;
using Outpost.Cli.Output;
using Outpost.Cli.Tokens;

namespace Outpost.Cli.Releases;

/// <summary><c>outpost release create|push|ls</c>: releases as offline-signed TUF targets.</summary>
internal static class ReleasesCommands
{
    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var release = new Command("release", "Sign releases offline (TUF targets), upload them, list them");
        release.Subcommands.Add(CreateRelease(session));
        release.Subcommands.Add(Push(session));
        release.Subcommands.Add(List(session));
        return release;
    }

    private static Command CreateRelease(AdminSession session)
    {
        var dir = KeysCommands.DirOption();
        var name = new Option<string>("--name") { Description = "Release name: [a-z0-9][a-z0-9._-]{0,63}", Required = true };
        var version = new Option<string>("--version") { Description = "Release version: [0-9A-Za-z.+-]{1,64}", Required = true };
        var deviceClass = new Option<string>("--device-class") { Description = "Device class the release is for", Required = true };
        var artifacts = new Option<string[]>("--artifact")
        {
            Description = "[kind=]PATH, kind app|model|config|agent|file (default file); repeatable",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var workload = new Option<string?>("--workload") { Description = "Workload spec (JSON object) carried in release.json", HelpName = "FILE.json" };
        var expires = new Option<TimeSpan?>("--expires")
        {
            Description = "Validity of the targets metadata [default: 90d]",
            HelpName = "duration",
            CustomParser = r => DurationParser.ParseOption(r, "30d, 2160h"),
        };
        var baseTargets = new Option<string?>("--base-targets") { Description = "Offline: build on this targets.json instead of the server's", HelpName = "FILE" };
        var passphrase = KeysCommands.PassphraseOption();
        var command = new Command("create", "Sign a release with the targets keys and stage it in DIR/staged for push")
        {
            dir, name, version, deviceClass, artifacts, workload, expires, baseTargets, passphrase,
        };
        command.SetAction(async (parse, ct) =>
        {
            ReleaseCreate create;
            try
            {
                var baseFile = parse.GetValue(baseTargets);
                create = new ReleaseCreate(session.Context)
                {
                    Repo = TufRepoDirectory.Resolve(parse.GetValue(dir), session.Context),
                    Name = parse.GetRequiredValue(name),
                    Version = parse.GetRequiredValue(version),
                    DeviceClass = parse.GetRequiredValue(deviceClass),
                    Artifacts = [.. parse.GetRequiredValue(artifacts).Select(ArtifactSpec.Parse)],
                    Workload = ReleaseManifest.ReadWorkload(parse.GetValue(workload)),
                    Lifetime = parse.GetValue(expires) ?? ReleaseCreate.DefaultLifetime,
                    BaseTargetsFile = baseFile is null ? null : Path.GetFullPath(baseFile),
                    Passphrase = Passphrase.Read(parse.GetValue(passphrase)),
                };
                create.Validate();
            }
            catch (CliException e)
            {
                return CommandErrors.Fail(session.Context, e.Message, e.ExitCode);
            }

            return create.BaseTargetsFile is null
                ? await session.RunAsync(parse, client => create.RunAsync(client, ct), ct)
                : await CommandErrors.RunAsync(session.Context, () => create.RunAsync(null, ct), ct);
        });
        return command;
    }

    private static Command Push(AdminSession session)
    {
        var dir = KeysCommands.DirOption();
        var reference = new Argument<string>("release") { Description = "NAME@VERSION of a staged release" };
        var command = new Command("push", "Upload a staged release: its artifacts (progress on stderr), then its targets metadata")
        {
            dir, reference,
        };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            client =>
            {
                var (name, version) = ReleaseNames.ParseReference(parse.GetRequiredValue(reference));
                return new ReleasePush(session.Context)
                {
                    Repo = TufRepoDirectory.Resolve(parse.GetValue(dir), session.Context),
                    Name = name,
                    Version = version,
                }.RunAsync(client, ct);
            },
            ct));
        return command;
    }

    private static Command List(AdminSession session)
    {
        var json = JsonOutput.Option();
        var command = new Command("ls", "List the releases in the server's current targets metadata") { json };
        command.Aliases.Add("list");
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var releases = await client.SendAsync(HttpMethod.Get, TufApiRoutes.Releases, null, OutpostJsonContext.Default.IReadOnlyListReleaseView, ct);
                if (parse.GetValue(json))
                {
                    session.Output.WriteLine(JsonSerializer.Serialize(releases, OutpostJsonContext.Default.IReadOnlyListReleaseView));
                    return;
                }

                ReleaseTable.Write(session.Output, releases);
            },
            ct));
        return command;
    }
}
