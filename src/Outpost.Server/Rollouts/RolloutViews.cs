using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>Builds the admin API's view of a rollout from its row, device counts and decisions.</summary>
internal static class RolloutViews
{
    public static async Task<RolloutView> BuildAsync(
        IRolloutStore store, RolloutRecord rollout, int? decisions, CancellationToken cancellationToken)
    {
        var counts = await store.CountAsync(rollout.Id, cancellationToken);
        var plan = PhasePlan.For(rollout.Spec, rollout.TargetCount);
        int In(int phase, params RolloutDeviceState[] states) => counts.Where(c => c.Phase == phase && states.Contains(c.State)).Sum(c => c.Count);
        return new RolloutView
        {
            Id = rollout.Id,
            Spec = rollout.Spec,
            State = rollout.State,
            Phase = rollout.Phase,
            TargetCount = rollout.TargetCount,
            CreatedAt = rollout.CreatedAt,
            CreatedBy = rollout.CreatedBy,
            UpdatedAt = rollout.UpdatedAt,
            BakeStartedAt = rollout.BakeStartedAt,
            Reason = rollout.Reason,
            Phases = [.. plan.Select((p, i) => new RolloutPhaseView
            {
                Index = i, Planned = p.Planned, BakeSeconds = (int)p.Bake.TotalSeconds,
                Assigned = In(i, Enum.GetValues<RolloutDeviceState>()),
                Updated = In(i, RolloutDeviceState.Updated),
                Failed = In(i, RolloutDeviceState.Failed),
                TimedOut = In(i, RolloutDeviceState.TimedOut, RolloutDeviceState.Excluded),
            })],
            Devices = counts.GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            Gates = decisions is null ? [] : rollout.Gates,
            Decisions = decisions is { } limit ? await store.GetDecisionsAsync(rollout.Id, limit, cancellationToken) : [],
        };
    }
}
