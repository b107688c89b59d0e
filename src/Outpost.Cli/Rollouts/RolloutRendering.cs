using System.Globalization;
using Outpost.Cli.Output;
using Outpost.Protocol.Rollouts;

namespace Outpost.Cli.Rollouts;

/// <summary>Human renderings of rollouts: the list and the status page (progress bar per phase, gates, last decisions).</summary>
internal static class RolloutRendering
{
    private const int BarWidth = 24;

    public static bool IsTerminal(RolloutState state) => state is RolloutState.Completed or RolloutState.RolledBack or RolloutState.Aborted;

    public static void WriteTable(TextWriter output, RolloutList list, DateTimeOffset now)
    {
        if (list.Items.Count == 0)
        {
            output.WriteLine("No rollouts.");
            return;
        }

        var table = new Table("ID", "RELEASE", "STATE", "PHASE", "UPDATED", "FAILED", "TARGET", "CREATED");
        foreach (var r in list.Items)
        {
            table.AddRow(
                r.Id, r.Spec.Release, State(r.State), $"{r.Phase + 1}/{r.Phases.Count}", Count(r, RolloutDeviceState.Updated),
                Count(r, RolloutDeviceState.Failed), r.TargetCount.ToString(CultureInfo.InvariantCulture), RelativeTime.Format(r.CreatedAt, now));
        }

        table.WriteTo(output);
    }

    public static void WriteStatus(TextWriter output, RolloutView r, DateTimeOffset now)
    {
        output.WriteLine($"Rollout {r.Id}  {r.Spec.Release}  {State(r.State)} (phase {r.Phase + 1}/{r.Phases.Count})");
        output.WriteLine($"Target {r.TargetCount} devices, created {RelativeTime.Format(r.CreatedAt, now)} by {r.CreatedBy}, on failure {Lower(r.Spec.OnFailure)}");
        if (r.Reason is { } reason)
        {
            output.WriteLine($"Reason: {reason}");
        }

        output.WriteLine();
        output.WriteLine("Phases");
        var previous = 0;
        var phases = new Table();
        foreach (var phase in r.Phases)
        {
            var size = Math.Max(phase.Planned - previous, 0);
            var done = phase.Updated + phase.Failed + phase.TimedOut;
            var marker = phase.Index == r.Phase && !IsTerminal(r.State) ? $"<- {State(r.State)}" : "";
            phases.AddRow(
                $"{phase.Index + 1}", Bar(done, size), $"{done}/{size}", $"updated {phase.Updated}", $"failed {phase.Failed}",
                $"timed out {phase.TimedOut}", $"bake {RelativeTime.Amount(TimeSpan.FromSeconds(phase.BakeSeconds))}", marker);
            previous = phase.Planned;
        }

        phases.WriteTo(output, "  ");
        if (r.Gates.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Gates");
            var gates = new Table("GATE", "VALUE", "CONTROL", "THRESHOLD", "DEVICES", "RESULT");
            foreach (var g in r.Gates)
            {
                gates.AddRow(g.Gate, Number(g.Value), Number(g.Control), g.Threshold, g.Sample.ToString(CultureInfo.InvariantCulture),
                    g.Passed switch { true => "pass", false => "FAIL", null => "not judged yet" });
            }

            gates.WriteTo(output, "  ");
        }

        if (r.Decisions.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Last decisions");
            var decisions = new Table();
            foreach (var d in r.Decisions)
            {
                decisions.AddRow(RelativeTime.Timestamp(d.At), d.Action, d.Reason);
            }

            decisions.WriteTo(output, "  ");
        }
    }

    private static string Bar(int done, int size)
    {
        var filled = size == 0 ? 0 : (int)Math.Round((double)Math.Min(done, size) / size * BarWidth);
        return $"[{new string('#', filled)}{new string('.', BarWidth - filled)}]";
    }

    private static string Count(RolloutView r, RolloutDeviceState state) =>
        r.Devices.GetValueOrDefault(state).ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";

    private static string State(RolloutState state) => state switch
    {
        RolloutState.RollingBack => "rolling back",
        RolloutState.RolledBack => "rolled back",
        _ => Lower(state),
    };

    private static string Lower<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
