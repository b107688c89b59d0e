using System.CommandLine;
using System.Globalization;
using Outpost.Cli.Output;
using Outpost.Cli.Tokens;
using Outpost.Protocol.Telemetry;

namespace Outpost.Cli.Telemetry;

/// <summary><c>outpost devices metrics|events|logs ID</c> and <c>outpost fleet</c>: what devices uploaded.</summary>
internal static class TelemetryCommands
{
    public static Command Metrics(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var id = new Argument<string>("id") { Description = "Device id" };
        var name = new Option<string?>("--name") { Description = "A metric (e.g. system_cpu_usage_ratio): its windows over --since; without it, the latest value of every metric" };
        var since = new Option<TimeSpan?>("--since")
        {
            Description = "How far back the series goes, e.g. 15m, 1h, 7d [default: 1h]",
            HelpName = "duration",
            CustomParser = r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
                if (DurationParser.TryParse(text, out var duration))
                {
                    return duration;
                }

                r.AddError($"invalid duration '{text}' for --since: use a number and a unit, e.g. 15m, 1h, 7d");
                return null;
            },
        };
        var json = JsonOutput.Option();
        var command = new Command("metrics", "Show a device's metrics: latest values, or one metric's windows") { id, name, since, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var route = TelemetryApiRoutes.Metrics(parse.GetRequiredValue(id));
                if (parse.GetValue(name) is { } metric)
                {
                    var to = session.Now;
                    var from = to - (parse.GetValue(since) ?? TimeSpan.FromHours(1));
                    route += $"?name={Uri.EscapeDataString(metric)}&from={Iso(from)}&to={Iso(to)}";
                }

                var view = await client.SendAsync(HttpMethod.Get, route, null, JsonOutput.Context.MetricSeriesView, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, view, JsonOutput.Context.MetricSeriesView);
                    return;
                }

                TelemetryViews.WriteMetrics(session.Output, view, session.Now);
            },
            ct));
        return command;
    }

    public static Command Events(AdminSession session, TelemetryChannel channel)
    {
        ArgumentNullException.ThrowIfNull(session);
        var word = channel == TelemetryChannel.Logs ? "logs" : "events";
        var id = new Argument<string>("id") { Description = "Device id" };
        var limit = BoundedIntOption.Optional("--limit", $"How many {word}, newest first (server default 100, at most 1000)", minimum: 1);
        var json = JsonOutput.Option();
        var command = new Command(word, $"Show a device's latest {word} and its telemetry stream state") { id, limit, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var device = parse.GetRequiredValue(id);
                var route = channel == TelemetryChannel.Logs ? TelemetryApiRoutes.Logs(device) : TelemetryApiRoutes.Events(device);
                if (parse.GetValue(limit) is { } n)
                {
                    route += string.Create(CultureInfo.InvariantCulture, $"?limit={n}");
                }

                var list = await client.SendAsync(HttpMethod.Get, route, null, JsonOutput.Context.TelemetryEntryList, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, list, JsonOutput.Context.TelemetryEntryList);
                    return;
                }

                var streams = await client.SendAsync(HttpMethod.Get, TelemetryApiRoutes.Streams(device), null, JsonOutput.Context.TelemetryStreamList, ct);
                TelemetryViews.WriteEntries(session.Output, list, streams, session.Now);
            },
            ct));
        return command;
    }

    public static Command Fleet(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var json = JsonOutput.Option();
        var command = new Command("fleet", "Fleet summary: devices online/offline/revoked, by site and by release") { json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var summary = await client.SendAsync(HttpMethod.Get, TelemetryApiRoutes.FleetSummary, null, JsonOutput.Context.FleetSummary, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, summary, JsonOutput.Context.FleetSummary);
                    return;
                }

                TelemetryViews.WriteFleet(session.Output, summary);
            },
            ct));
        return command;
    }

    private static string Iso(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));
}
