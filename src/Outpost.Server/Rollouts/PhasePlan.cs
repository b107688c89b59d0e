using Outpost.Protocol.Rollouts;

namespace Outpost.Server.Rollouts;

/// <summary>A spec's phases resolved against the target size: cumulative device counts and bake times.</summary>
internal sealed record PhasePlan(int Planned, TimeSpan Bake)
{
    public static readonly IReadOnlyList<RolloutPhaseSpec> DefaultPhases =
        [new() { Percent = 5 }, new() { Percent = 25 }, new() { Percent = 100 }];

    public static IReadOnlyList<PhasePlan> For(RolloutSpec spec, int targetCount)
    {
        var plans = new List<PhasePlan>();
        var previous = 0;
        foreach (var phase in spec.Phases ?? DefaultPhases)
        {
            var planned = phase.Percent is { } percent
                ? (int)Math.Ceiling(targetCount * percent / 100.0 - 1e-9)
                : Math.Min(phase.Count ?? targetCount, targetCount);
            planned = Math.Max(Math.Max(planned, Math.Min(1, targetCount)), previous);
            plans.Add(new PhasePlan(planned, RolloutDuration.Parse(phase.BakeTime ?? spec.BakeTime)));
            previous = planned;
        }

        return plans;
    }
}
