using Outpost.Cli.Output;
using Outpost.Protocol.Alerts;

namespace Outpost.Cli.Alerts;

/// <summary>The alert table: one line per alert, the runbook link last so it stays clickable in a terminal.</summary>
internal static class AlertViews
{
    public static void WriteTable(TextWriter output, AlertList list, bool includesResolved, DateTimeOffset now)
    {
        if (list.Items.Count == 0)
        {
            output.WriteLine(includesResolved ? "No alerts." : "No firing alerts.");
            return;
        }

        var table = new Table("STATE", "SEVERITY", "RULE", "DEVICE", "SUMMARY", "STARTED", "RESOLVED", "RUNBOOK");
        foreach (var a in list.Items)
        {
            table.AddRow(
                a.State.ToString().ToLowerInvariant(),
                a.Severity,
                a.Rule,
                a.DeviceId ?? a.Labels.GetValueOrDefault("rollout") ?? "-",
                a.Summary,
                RelativeTime.Format(a.StartedAt, now),
                a.ResolvedAt is { } resolved ? RelativeTime.Format(resolved, now) : "-",
                a.RunbookUrl);
        }

        table.WriteTo(output);
    }
}
