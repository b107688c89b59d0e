using Outpost.Cli.Advise.Costs;
using Outpost.Cli.Advise.Model;

namespace Outpost.Cli.Advise.Evaluation;

internal static class Assessor
{
    public static Assessment Assess(ResolvedWorkload r)
    {
        var tco = CostModel.Compute(r);
        SignalResult[] triggers =
        [
            LatencyTrigger.Evaluate(r),
            BandwidthTrigger.Evaluate(r, tco),
            OfflineTrigger.Evaluate(r),
            SovereigntyTrigger.Evaluate(r),
        ];
        SignalResult[] anti =
        [
            TolerableLatencySignal.Evaluate(r),
            ReliableConnectivitySignal.Evaluate(r),
            LowVolumeSignal.Evaluate(r),
            LimitedOpsTeamSignal.Evaluate(r),
            ConstrainedBudgetSignal.Evaluate(r),
        ];
        return new Assessment
        {
            Triggers = triggers,
            AntiSignals = anti,
            Recommendation = Recommender.Decide(triggers, anti, tco, r.TotalSites),
            Tco = tco,
            EgressSaving = EgressSavingCalculator.Compute(r),
        };
    }
}
