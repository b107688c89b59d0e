using System.CommandLine;
using Outpost.Cli.Output;
using Outpost.Protocol.Admin;

namespace Outpost.Cli.AdminTokens;

/// <summary><c>outpost admin-tokens create|ls|revoke</c>: bearer tokens for people and scripts (admin role needed).</summary>
internal static class AdminTokensCommands
{
    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var tokens = new Command("admin-tokens", "Create, list and revoke admin API tokens");
        tokens.Subcommands.Add(CreateToken(session));
        tokens.Subcommands.Add(List(session));
        tokens.Subcommands.Add(Revoke(session));
        return tokens;
    }

    private static Command CreateToken(AdminSession session)
    {
        var name = new Option<string>("--name") { Description = "Who or what uses the token", Required = true };
        var role = LowercaseEnumOption.Required<AdminRole>("--role", "viewer reads, operator also changes devices and tokens, admin also manages admin tokens");
        var json = JsonOutput.Option();
        var command = new Command("create", "Create an admin token; its secret is printed once") { name, role, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var request = new CreateAdminTokenRequest { Name = parse.GetRequiredValue(name), Role = parse.GetValue(role) };
                var created = await client.CreateAdminTokenAsync(request, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, created, JsonOutput.Context.CreatedAdminToken);
                    return;
                }

                session.Output.WriteLine($"Created admin token {created.Info.Id} for {created.Info.Name} (role {Role(created.Info.Role)}).");
                session.Output.WriteLine();
                session.Output.WriteLine("Token (shown only now, it is stored hashed):");
                session.Output.WriteLine($"  {created.Token}");
                session.Output.WriteLine();
                session.Output.WriteLine("Use it with: outpost login --server <admin-url> --token <token>");
            },
            ct));
        return command;
    }

    private static Command List(AdminSession session)
    {
        var json = JsonOutput.Option();
        var command = new Command("ls", "List admin tokens (without their secrets)") { json };
        command.Aliases.Add("list");
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var tokens = await client.ListAdminTokensAsync(ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, tokens, JsonOutput.Context.IReadOnlyListAdminTokenView);
                    return;
                }

                if (tokens.Count == 0)
                {
                    session.Output.WriteLine("No admin tokens.");
                    return;
                }

                var table = new Table("ID", "NAME", "ROLE", "STATE", "CREATED");
                foreach (var t in tokens)
                {
                    table.AddRow(t.Id, t.Name, Role(t.Role), t.RevokedAt is null ? "active" : "revoked", RelativeTime.Format(t.CreatedAt, session.Now));
                }

                table.WriteTo(session.Output);
            },
            ct));
        return command;
    }

    private static Command Revoke(AdminSession session)
    {
        var id = new Argument<string>("id") { Description = "Admin token id (from outpost admin-tokens ls)" };
        var json = JsonOutput.Option();
        var command = new Command("revoke", "Revoke an admin token: it is refused from its next request on") { id, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var token = await client.RevokeAdminTokenAsync(parse.GetRequiredValue(id), ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, token, JsonOutput.Context.AdminTokenView);
                    return;
                }

                session.Output.WriteLine($"Revoked admin token {token.Id} ({token.Name}, role {Role(token.Role)}).");
            },
            ct));
        return command;
    }

    internal static string Role(AdminRole role) => role.ToString().ToLowerInvariant();
}
