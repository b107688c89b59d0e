using System.CommandLine;
using Outpost.Cli.Output;

namespace Outpost.Cli.Rollouts;

/// <summary><c>outpost rollout create|ls|status|pause|resume|promote|abort</c> (docs/rollouts.md).</summary>
internal static class RolloutsCommands
{
    public static Command Create(AdminSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rollout = new Command("rollout", "Progressive rollouts of a signed release: canary phases, gates, automatic rollback");
        rollout.Subcommands.Add(CreateCommand(session));
        rollout.Subcommands.Add(List(session));
        rollout.Subcommands.Add(Status(session));
        foreach (var (action, description) in new[]
        {
            ("pause", "Stop assigning devices until resumed"),
            ("resume", "Continue a paused rollout (or one halted with onFailure: pause)"),
            ("promote", "Skip the current phase's remaining bake and gates and start the next phase"),
            ("abort", "Stop the rollout for good; devices keep the desired release they have"),
        })
        {
            rollout.Subcommands.Add(Action(session, action, description));
        }

        return rollout;
    }

    private static Command CreateCommand(AdminSession session)
    {
        var file = new Option<string>("--file", "-f") { Description = "Rollout spec, YAML or JSON (docs/rollouts.md)", Required = true };
        var json = JsonOutput.Option();
        var command = new Command("create", "Start a rollout from a spec file") { file, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var spec = RolloutSpecFile.Load(parse.GetRequiredValue(file));
                var created = await client.CreateRolloutAsync(spec, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, created, JsonOutput.Context.RolloutView);
                    return;
                }

                session.Output.WriteLine(
                    $"Created rollout {created.Id}: {created.Spec.Release} to {created.TargetCount} devices in {created.Phases.Count} phases " +
                    $"({string.Join(" -> ", created.Phases.Select(p => p.Planned))}). Follow it with: outpost rollout status {created.Id} --watch");
            },
            ct));
        return command;
    }

    private static Command List(AdminSession session)
    {
        var json = JsonOutput.Option();
        var command = new Command("ls", "List rollouts, newest first") { json };
        command.Aliases.Add("list");
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var list = await client.ListRolloutsAsync(ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, list, JsonOutput.Context.RolloutList);
                    return;
                }

                RolloutRendering.WriteTable(session.Output, list, session.Now);
            },
            ct));
        return command;
    }

    private static Command Status(AdminSession session)
    {
        var id = new Argument<string>("id") { Description = "Rollout id" };
        var watch = new Option<bool>("--watch", "-w") { Description = "Redraw until the rollout ends (completed, rolled back, aborted) or Ctrl-C" };
        var interval = BoundedIntOption.Optional("--interval", "Seconds between redraws with --watch (default 2)", minimum: 1);
        var json = JsonOutput.Option();
        var command = new Command("status", "Progress per phase, gate values against thresholds, last decisions") { id, watch, interval, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var every = TimeSpan.FromSeconds(parse.GetValue(interval) ?? 2);
                while (true)
                {
                    var rollout = await client.GetRolloutAsync(parse.GetRequiredValue(id), ct);
                    if (parse.GetValue(json))
                    {
                        JsonOutput.Write(session.Output, rollout, JsonOutput.Context.RolloutView);
                    }
                    else
                    {
                        if (parse.GetValue(watch) && ReferenceEquals(session.Output, Console.Out) && !Console.IsOutputRedirected)
                        {
                            // Home + clear: the page is redrawn in place on a terminal; piped output gets one page after another.
                            session.Output.Write("\u001b[H\u001b[2J");
                        }

                        RolloutRendering.WriteStatus(session.Output, rollout, session.Now);
                    }

                    if (!parse.GetValue(watch) || RolloutRendering.IsTerminal(rollout.State))
                    {
                        return;
                    }

                    await Task.Delay(every, session.Context.Time, ct);
                    session.Output.WriteLine();
                }
            },
            ct));
        return command;
    }

    private static Command Action(AdminSession session, string action, string description)
    {
        var id = new Argument<string>("id") { Description = "Rollout id" };
        var json = JsonOutput.Option();
        var command = new Command(action, description) { id, json };
        command.SetAction((parse, ct) => session.RunAsync(
            parse,
            async client =>
            {
                var rollout = await client.ActOnRolloutAsync(parse.GetRequiredValue(id), action, ct);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(session.Output, rollout, JsonOutput.Context.RolloutView);
                    return;
                }

                var last = rollout.Decisions.Count > 0 ? rollout.Decisions[^1].Reason : "";
                session.Output.WriteLine($"Rollout {rollout.Id} is now {rollout.State.ToString().ToLowerInvariant()}: {last}");
            },
            ct));
        return command;
    }
}
