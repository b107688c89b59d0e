using System.CommandLine;
using Outpost.Cli.Output;
using Outpost.Protocol.Alerts;

namespace Outpost.Cli.Alerts;

/// <summary><c>outpost alerts ls</c>.</summary>
internal static class AlertsCommands
{
    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var alerts = new Command("alerts", "Firing and resolved alerts, each with its runbook (docs/alerts.md)");
        alerts.Subcommands.Add(List(session));
        return alerts;
    }

    private static Command List(AdminSession session)
    {
        var all = new Option<bool>("--all") { Description = "Also resolved alerts (default: firing only)" };
        var device = new Option<string?>("--device") { Description = "Only alerts about this device id" };
        var json = JsonOutput.Option();
        var command = new Command("ls", "List alerts: state, rule, severity, device, summary, since when, runbook link") { all, device, json };
        command.Aliases.Add("list");
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var query = $"?state={(parse.GetValue(all) ? "all" : "firing")}";
                if (parse.GetValue(device) is { Length: > 0 } id)
                {
                    query += "&device=" + Uri.EscapeDataString(id);
                }

                var list = await client.SendAsync(HttpMethod.Get, AlertApiRoutes.Alerts + query, null, JsonOutput.Context.AlertList, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, list, JsonOutput.Context.AlertList);
                    return;
                }

                AlertViews.WriteTable(session.Output, list, parse.GetValue(all), session.Now);
            },
            ct));
        return command;
    }
}
