using System.CommandLine;
using System.CommandLine.Parsing;
using Outpost.Cli.Output;
using Outpost.Protocol.Admin;

namespace Outpost.Cli.Tokens;

/// <summary><c>outpost tokens create|ls|revoke</c>: enrollment tokens for devices.</summary>
internal static class TokensCommands
{
    private static readonly TimeSpan DefaultValidity = TimeSpan.FromHours(24);

    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var tokens = new Command("tokens", "Create, list and revoke enrollment tokens (what outpost-agent enroll uses)");
        tokens.Subcommands.Add(CreateToken(session));
        tokens.Subcommands.Add(List(session));
        tokens.Subcommands.Add(Revoke(session));
        return tokens;
    }

    private static Command CreateToken(AdminSession session)
    {
        var site = new Option<string>("--site") { Description = "Site of the devices that enroll with it", Required = true };
        var tags = new Option<string[]>("--tag") { Description = "Tag given to enrolled devices (repeatable)" };
        var uses = BoundedIntOption.WithDefault("--uses", "How many devices may enroll with it", minimum: 1, defaultValue: 1);
        var expires = new Option<TimeSpan?>("--expires")
        {
            Description = "Validity, e.g. 30m, 24h, 7d [default: 24h]",
            HelpName = "duration",
            CustomParser = r => DurationParser.ParseOption(r, "30m, 24h, 7d"),
        };
        var json = JsonOutput.Option();
        var command = new Command("create", "Create an enrollment token; its secret is printed once") { site, tags, uses, expires, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var request = new CreateEnrollmentTokenRequest
                {
                    Site = parse.GetRequiredValue(site),
                    Tags = parse.GetValue(tags) ?? [],
                    MaxUses = parse.GetValue(uses),
                    ValidForSeconds = (long)(parse.GetValue(expires) ?? DefaultValidity).TotalSeconds,
                };
                var created = await client.CreateEnrollmentTokenAsync(request, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, created, JsonOutput.Context.CreatedEnrollmentToken);
                    return;
                }

                TokenViews.WriteCreated(session.Output, created, session.Now);
            },
            ct));
        return command;
    }

    private static Command List(AdminSession session)
    {
        var json = JsonOutput.Option();
        var command = new Command("ls", "List enrollment tokens (without their secrets)") { json };
        command.Aliases.Add("list");
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var tokens = await client.ListEnrollmentTokensAsync(ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, tokens, JsonOutput.Context.IReadOnlyListEnrollmentTokenView);
                    return;
                }

                TokenViews.WriteTable(session.Output, tokens, session.Now);
            },
            ct));
        return command;
    }

    private static Command Revoke(AdminSession session)
    {
        var id = new Argument<string>("id") { Description = "Token id (from outpost tokens ls)" };
        var json = JsonOutput.Option();
        var command = new Command("revoke", "Revoke an enrollment token: no further device can enroll with it") { id, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var token = await client.RevokeEnrollmentTokenAsync(parse.GetRequiredValue(id), ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, token, JsonOutput.Context.EnrollmentTokenView);
                    return;
                }

                session.Output.WriteLine($"Revoked enrollment token {token.Id} (site {token.Site}, used {token.Uses} of {token.MaxUses}).");
            },
            ct));
        return command;
    }
}
