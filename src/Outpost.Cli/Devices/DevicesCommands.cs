using System.CommandLine;
using Outpost.Cli.Api;
using Outpost.Cli.Output;
using Outpost.Cli.Telemetry;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Telemetry;

namespace Outpost.Cli.Devices;

/// <summary><c>outpost devices ls|show|revoke|set-release|metrics|events|logs</c>.</summary>
internal static class DevicesCommands
{
    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var devices = new Command("devices", "List, inspect and revoke enrolled devices; set their desired release");
        devices.Subcommands.Add(List(session));
        devices.Subcommands.Add(Show(session));
        devices.Subcommands.Add(Revoke(session));
        devices.Subcommands.Add(SetRelease(session));
        devices.Subcommands.Add(TelemetryCommands.Metrics(session));
        devices.Subcommands.Add(TelemetryCommands.Events(session, TelemetryChannel.Events));
        devices.Subcommands.Add(TelemetryCommands.Events(session, TelemetryChannel.Logs));
        return devices;
    }

    private static Command List(AdminSession session)
    {
        var site = new Option<string?>("--site") { Description = "Only devices of this site" };
        var tag = new Option<string?>("--tag") { Description = "Only devices carrying this tag" };
        var release = new Option<string?>("--release") { Description = "Only devices running this release (NAME@VERSION)" };
        var search = new Option<string?>("--search") { Description = "Device id or hostname containing this text (case-insensitive)" };
        var status = LowercaseEnumOption.Optional<DeviceStatus>("--status", "Only devices with this status");
        var limit = BoundedIntOption.Optional("--limit", "Page size (server default 100)", minimum: 1);
        var offset = BoundedIntOption.Optional("--offset", "Devices to skip", minimum: 0);
        var json = JsonOutput.Option();
        var command = new Command("ls", "List devices with their status and last check-in") { site, tag, status, release, search, limit, offset, json };
        command.Aliases.Add("list");
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var query = new DeviceQuery
                {
                    Site = parse.GetValue(site),
                    Tag = parse.GetValue(tag),
                    Status = parse.GetValue(status),
                    Release = parse.GetValue(release),
                    Search = parse.GetValue(search),
                    Limit = parse.GetValue(limit),
                    Offset = parse.GetValue(offset),
                };
                var list = await client.ListDevicesAsync(query, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, list, JsonOutput.Context.DeviceList);
                    return;
                }

                DeviceViews.WriteTable(session.Output, list, query.Offset ?? 0, session.Now);
            },
            ct));
        return command;
    }

    private static Command Show(AdminSession session)
    {
        var id = new Argument<string>("id") { Description = "Device id" };
        var json = JsonOutput.Option();
        var command = new Command("show", "Show one device with its latest system snapshot") { id, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var device = await client.GetDeviceAsync(parse.GetRequiredValue(id), ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, device, JsonOutput.Context.DeviceView);
                    return;
                }

                DeviceViews.WriteDetails(session.Output, device, session.Now);
            },
            ct));
        return command;
    }

    private static Command Revoke(AdminSession session)
    {
        var id = new Argument<string>("id") { Description = "Device id" };
        var json = JsonOutput.Option();
        var command = new Command("revoke", "Revoke a device: its certificate is refused from its next request on") { id, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var device = await client.RevokeDeviceAsync(parse.GetRequiredValue(id), ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, device, JsonOutput.Context.DeviceView);
                    return;
                }

                session.Output.WriteLine($"Revoked device {device.Id} (site {device.Site}); its next request will be refused.");
            },
            ct));
        return command;
    }

    private static Command SetRelease(AdminSession session)
    {
        var id = new Argument<string>("id") { Description = "Device id" };
        var release = new Argument<string?>("release") { Description = "NAME@VERSION of a pushed (signed) release", Arity = ArgumentArity.ZeroOrOne };
        var clear = new Option<bool>("--clear") { Description = "Clear the desired release (the device keeps what it has)" };
        var json = JsonOutput.Option();
        var command = new Command("set-release", "Set the release a device should verify and stage") { id, release, clear, json };
        command.Validators.Add(result =>
        {
            var hasRelease = result.GetValue(release) is not null;
            if (hasRelease == result.GetValue(clear))
            {
                result.AddError("give either NAME@VERSION or --clear");
            }
        });
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var device = await client.SetDesiredReleaseAsync(parse.GetRequiredValue(id), parse.GetValue(release), ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, device, JsonOutput.Context.DeviceView);
                    return;
                }

                session.Output.WriteLine(device.DesiredRelease is { } desired
                    ? $"Device {device.Id} will verify and stage {desired} on its next check-in."
                    : $"Cleared the desired release of device {device.Id}.");
            },
            ct));
        return command;
    }
}
