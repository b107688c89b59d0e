using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>pause, resume, promote and abort: what each does to a rollout in each state (docs/rollouts.md, "Operator actions").</summary>
internal static class OperatorActions
{
    public static readonly IReadOnlyList<string> Names = ["pause", "resume", "promote", "abort"];

    /// <summary>The actions that apply to the rollout as it is now (what the dashboard offers as buttons).</summary>
    public static IReadOnlyList<string> ValidFor(RolloutRecord r, DateTimeOffset now) =>
        [.. Names.Where(action => Apply(r, action, now).Next is not null)];

    /// <summary>The rollout after the action, or the reason the action does not apply to its state.</summary>
    public static (RolloutRecord? Next, string Reason) Apply(RolloutRecord r, string action, DateTimeOffset now)
    {
        var phase = r.Phase + 1;
        switch (action)
        {
            case "pause" when r.State is RolloutState.Pending or RolloutState.Running or RolloutState.Baking or RolloutState.Promoted:
                return (r with { State = RolloutState.Paused, PausedFrom = r.State, Reason = "paused by an operator", UpdatedAt = now },
                    $"paused in phase {phase} ({r.State}): no device is assigned until resumed");
            case "resume" when r.State == RolloutState.Paused:
                var from = r.PausedFrom ?? RolloutState.Running;
                // A pause interrupts the bake: it starts over, so the gates judge a full window.
                return (r with { State = from, PausedFrom = null, Reason = null, BakeStartedAt = from == RolloutState.Baking ? now : r.BakeStartedAt, UpdatedAt = now },
                    $"resumed phase {phase} ({from})");
            case "resume" when r.State == RolloutState.Halted && r.Spec.OnFailure == FailurePolicy.Pause:
                return (r with { State = RolloutState.Running, Reason = null, UpdatedAt = now },
                    $"resumed halted phase {phase}: the gates are judged again");
            case "promote" when r.State is RolloutState.Running or RolloutState.Baking or RolloutState.Paused
                || (r.State == RolloutState.Halted && r.Spec.OnFailure == FailurePolicy.Pause):
                return (r with { State = RolloutState.Promoted, PausedFrom = null, Reason = null, UpdatedAt = now },
                    $"phase {phase} promoted by an operator: its remaining bake time and gates are skipped");
            case "abort" when r.IsActive:
                return (r with { State = RolloutState.Aborted, PausedFrom = null, Reason = "aborted by an operator", UpdatedAt = now },
                    $"aborted in phase {phase} ({r.State}): devices keep the desired release they have; nothing is rolled back");
            default:
                return (null, $"cannot {action} rollout {r.Id} in state {r.State}" +
                    (r.State == RolloutState.Halted ? " (halted with onFailure rollback: it is rolling back)" : "") + ".");
        }
    }
}
